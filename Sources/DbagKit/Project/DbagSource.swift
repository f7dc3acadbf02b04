/// Where CI gets dbag: built from a git repository at a commit, or from the
/// project's own checkout when the project is dbag's repository.
public enum DbagSource: Sendable, Equatable {
    /// The project's repository is dbag's source: build it from the checkout.
    case checkout
    /// A git URL CI can clone, and the commit (or branch/tag) to build.
    case repository(url: String, ref: String)
    /// Unknown: the workflow reads the URL from the `DBAG_SOURCE` repository variable.
    case variable

    /// Whether a git URL can be cloned from another machine (not a local path).
    public static func isReachable(_ url: String) -> Bool {
        url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("git@") || url.hasPrefix("ssh://") || url.hasPrefix("git://")
    }
}
