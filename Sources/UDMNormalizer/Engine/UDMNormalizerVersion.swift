/// The package's version, printed by `udm-normalize --version` and in reports. Raised with each
/// release; the tables' own identity is ``MappingSet/fingerprint``.
public enum UDMNormalizerVersion {
    /// The version, as `MAJOR.MINOR.PATCH`.
    public static let current = "0.1.0"
}
