/// The version `dbag --version` prints: this package's release number, bumped
/// with each `vX.Y.Z` tag (`scripts/install.sh` refuses a tag that disagrees).
enum DbagVersion {
    static let string = "0.1.0"
}
