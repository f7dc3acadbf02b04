import Testing

/// Groups every chart suite so `swift test --filter Charts` runs them all.
@Suite enum Charts {}
