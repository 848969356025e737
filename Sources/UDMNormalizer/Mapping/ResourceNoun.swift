/// What a `| resource TYPE "SUBTYPE"` rule writes besides its value.
///
/// The rule's target is the `name` or `product_object_id` of a `Resource` (`target.resource.name`).
/// It writes only while that resource names nothing yet (neither field set), so rules earlier in
/// the file keep their priority and one event never mixes the identifiers of two resources. The
/// first value goes to the target with `resource_type` and `resource_subtype`; every further value
/// of a `[*]` source becomes a new `about` element carrying the same three fields, so an event
/// that acts on several resources (RunInstances launching three instances) names each of them.
struct ResourceNoun: Sendable {
    /// The `Resource` message's fields written: the identifying field the rule targets, its type and subtype.
    let identifier: UDMSchema.FieldStep
    let resourceType: UDMSchema.FieldStep
    let resourceSubtype: UDMSchema.FieldStep
    /// The `Resource` fields that say a resource is named already (`name`, `product_object_id`).
    let namingFields: [Int]
    /// `resource_type` (an enum value, checked when the table is compiled) and `resource_subtype`.
    let typeValue: String
    let subtypeValue: String
    /// The path to the `Resource` message of each further value: a new `about` element per value.
    let overflow: [TargetPath.Step]
    /// For `| target_key`: the general target rule's tables and fields (nil for `| resource`).
    var search: TargetKeySearch?

    /// The fields of `Resource` that identify it; a `| resource` rule targets one of them.
    static let identifyingFields = ["name", "product_object_id"]

    /// Checks that `target` is an identifying field of a `Resource` and builds the plan, or throws
    /// naming the problem at `location`. The `about` target of further values is taken from
    /// `targets`' compiled ones when there (every resource rule of a kind has the same).
    /// `type` and `subtype` empty: written by the engine (`| target_key`), not by the rule.
    init(
        target: TargetPath, type: String, subtype: String, schema: UDMSchema, location: TableLocation, column: Int,
        targets: TargetInterner
    ) throws(MappingError) {
        guard case .scalar(let leaf, false) = target.leaf, schema.messages[leaf.message].name == "Resource",
            let leafName = Self.identifyingFields.first(where: {
                schema.messages[leaf.message].fieldIndex(named: $0) == leaf.field
            })
        else {
            throw location.error(
                "'| resource' needs a target that is a resource's name or product_object_id (target.resource.name), not '\(target.text)'",
                column: column)
        }
        guard !target.usesFanOut, target.elementName == nil, !target.steps.contains(where: { $0.element == .append })
        else {
            throw location.error(
                "'| resource' fills one resource; further values go to about[] by themselves, so the target takes no '[*]' or '[]'",
                column: column)
        }
        let message = schema.messages[leaf.message]
        guard let typeField = message.fieldIndex(named: "resource_type"),
            let subtypeField = message.fieldIndex(named: "resource_subtype")
        else {
            throw location.error("the UDM schema's Resource has no resource_type or resource_subtype", column: column)
        }
        let typeStep = UDMSchema.FieldStep(message: leaf.message, field: typeField)
        if !type.isEmpty, case .enumeration(let index) = schema.field(typeStep).type,
            !schema.enums[index].contains(type)
        {
            throw location.error(
                "'\(type)' is not a value of \(schema.enums[index].name) (the type of resource_type)", column: column)
        }
        identifier = leaf
        resourceType = typeStep
        resourceSubtype = UDMSchema.FieldStep(message: leaf.message, field: subtypeField)
        namingFields = Self.identifyingFields.compactMap { message.fieldIndex(named: $0) }
        typeValue = type
        subtypeValue = subtype
        overflow = try targets.compiled(
            "about[].resource.\(leafName)", schema: schema, location: location, column: column
        ).steps
    }
}

/// What a `| target_key KEYS VERBS TYPES` rule needs besides a resource's fields: the general
/// target rule (see `TargetKeyGrammar` and the README's "which resource"). The rule's value is the
/// call's name (`eventName`); the rule reads the record's `eventSource`, `requestParameters` and
/// `responseElements` besides (CloudTrail's names for the service, the request and the response).
struct TargetKeySearch: Sendable {
    /// The exact lookup of key classes (`KEY`, `SERVICE:KEY`, `SERVICE:Call:KEY` → `none`, `used`,
    /// `key`), the prefix lookup of the verbs whose response names what the call made, and the exact
    /// lookup of resource types (`SERVICE:Stem` or `Stem` → a `resource_type`): `lookupTables` numbers.
    let keys: Int
    /// The bits (`TargetKeyGrammar.keyBit`) of the keys the key-class lookup has scoped rows for.
    let scopedKeys: UInt64
    /// The bits of the keys that `key` rows name: a key that is no identifying key by its spelling is
    /// looked up only when its bit is set.
    let addedKeys: UInt64
    let verbs: Int
    let types: Int
    /// The `Resource` fields the engine writes.
    let name: Int
    let productObjectID: Int
    /// `Resource.attribute` (of message `attributeMessage`) and `Attribute.labels`.
    let attribute: Int
    let attributeMessage: Int
    let labels: Int
    /// The path to `src.resource`, where a created object's source goes.
    let source: [TargetPath.Step]
    /// The record's fields the rule reads besides its value (the call's name): the service, the
    /// request and the response.
    let service: SourcePath
    let request: SourcePath
    let response: SourcePath
    static let servicePath = "eventSource"
    static let requestPath = "requestParameters"
    static let responsePath = "responseElements"

    /// The values the key-class lookup may give.
    static let classes = ["none", "used", "key"]

    init(
        keys: Int, verbs: Int, types: Int, lookupTables: [LookupTable], resource: Int, schema: UDMSchema,
        location: TableLocation, column: Int, targets: TargetInterner, keyCase: SourcePath.KeyCase,
        interner: PathInterner
    ) throws(MappingError) {
        service = try SourcePath.compiled(
            Self.servicePath, location: location, column: column, keyCase: keyCase, interner: interner)
        request = try SourcePath.compiled(
            Self.requestPath, location: location, column: column, keyCase: keyCase, interner: interner)
        response = try SourcePath.compiled(
            Self.responsePath, location: location, column: column, keyCase: keyCase, interner: interner)
        guard !lookupTables[keys].isPrefix, !lookupTables[keys].isRange, lookupTables[verbs].isPrefix,
            !lookupTables[types].isPrefix, !lookupTables[types].isRange
        else {
            throw location.error(
                "'| target_key KEYS VERBS TYPES' needs an exact lookup of key classes, a prefix lookup of verbs and an exact lookup of resource types",
                column: column)
        }
        for (value, rowID) in lookupTables[keys].allValues where !value.isEmpty && !Self.classes.contains(value) {
            throw location.error(
                "lookup '\(lookupTables[keys].name)' gives '\(value)' (\(rowID)); a key class is one of \(Self.classes.joined(separator: ", "))",
                column: column)
        }
        let message = schema.messages[resource]
        if let typeField = message.fieldIndex(named: "resource_type"),
            case .enumeration(let index) = message.fields[typeField].type
        {
            for (value, rowID) in lookupTables[types].allValues
            where !value.isEmpty && !schema.enums[index].contains(value) {
                throw location.error(
                    "lookup '\(lookupTables[types].name)' can give '\(value)' (\(rowID)), which is not a value of \(schema.enums[index].name)",
                    column: column)
            }
        }
        guard let name = message.fieldIndex(named: "name"), let id = message.fieldIndex(named: "product_object_id"),
            let attribute = message.fieldIndex(named: "attribute"),
            case .message(let attributeMessage) = message.fields[attribute].type,
            let labels = schema.messages[attributeMessage].fieldIndex(named: "labels")
        else {
            throw location.error(
                "the UDM schema's Resource lacks name, product_object_id or attribute.labels", column: column)
        }
        self.keys = keys
        var scoped: UInt64 = 0
        var added: UInt64 = 0
        for (key, row) in lookupTables[keys].exactRows {
            let name = key.lastIndex(of: ":").map { key[key.index(after: $0)...] } ?? key[...]
            let bit = Array(name.utf8).withUnsafeBytes { TargetKeyGrammar.keyBit($0) }
            if name.endIndex != key.endIndex || name.startIndex != key.startIndex { scoped |= bit }
            if row.value == "key" { added |= bit }
        }
        scopedKeys = scoped
        addedKeys = added
        self.verbs = verbs
        self.types = types
        self.name = name
        productObjectID = id
        self.attribute = attribute
        self.attributeMessage = attributeMessage
        self.labels = labels
        source = try targets.compiled("src.resource.name", schema: schema, location: location, column: column).steps
    }
}
