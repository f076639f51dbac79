// Literal conformances, so hosts write parameters as
// `["unit": "发改委", "n": 10]`.

extension Value: ExpressibleByStringLiteral {
    /// A string value.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension Value: ExpressibleByIntegerLiteral {
    /// An integer value.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension Value: ExpressibleByFloatLiteral {
    /// A decimal value.
    public init(floatLiteral value: Double) { self = .decimal(value) }
}

extension Value: ExpressibleByBooleanLiteral {
    /// A boolean value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension Value: ExpressibleByArrayLiteral {
    /// A list value.
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
}
