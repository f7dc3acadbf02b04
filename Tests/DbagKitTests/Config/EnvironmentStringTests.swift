import Testing
@testable import DbagKit

@Suite struct EnvironmentStringTests {
    @Test func expandsEveryReference() throws {
        let text = EnvironmentString("postgresql://reader:${PW}@${HOST}:5432/app?x=${PW}")
        #expect(try text.expand(["PW": "s3cr$t", "HOST": "db"]) == "postgresql://reader:s3cr$t@db:5432/app?x=s3cr$t")
        #expect(text.names == ["PW", "HOST"])
    }

    @Test func anUnsetVariableIsALocatedErrorNamingIt() {
        let text = EnvironmentString("Bearer ${TOKEN}", location: SourceLocation(file: "dbag.yml", line: 7, column: 30))
        #expect(throws: Diagnostic("environment variable TOKEN is not set (dbag.yml refers to it as ${TOKEN})",
                                   file: "dbag.yml", line: 7, column: 30)) {
            try text.expand([:])
        }
    }

    @Test func anEmptyValueIsKept() throws {
        #expect(try EnvironmentString("a${E}b").expand(["E": ""]) == "ab")
    }

    @Test(arguments: ["plain", "${", "${}", "${1A}", "$HOME", "${A-B}", "cost: $5 ${", "}{"])
    func textThatIsNoReferenceStaysAsWritten(_ text: String) throws {
        #expect(try EnvironmentString(text).expand([:]) == text)
        #expect(EnvironmentString(text).names.isEmpty)
    }
}
