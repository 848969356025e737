extension Normalizer {
    /// The package's version as `MAJOR.MINOR.PATCH`, printed by `udm-normalize --version` and in
    /// reports. Raised with each release; the tables' own identity is ``MappingSet/fingerprint``.
    ///
    /// It lives on ``Normalizer`` rather than on a type of its own because symbol graphs leave out
    /// a type whose name starts with the module's name, so such a type could not be documented.
    public static let version = "0.1.0"
}
