import ArgumentParser
import DbagKit

/// `--date YYYY-MM-DD`, read as a `Day`.
extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
