//! Exact decimal figures as JSON numbers.
//!
//! `serde_json` would turn a decimal into a float; here the decimal's own digits are written
//! as the JSON number literal (`168686.5`), so no precision is ever lost. Readers that parse
//! numbers as 64-bit floats get the nearest float, as with any JSON number.

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// A decimal serialized as an exact JSON number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number(pub Decimal);

impl Number {
    /// The plain text of the number with a dot as decimal point and no exponent (`1747201.5`).
    pub fn plain(self) -> String {
        self.0.normalize().to_string()
    }
}

impl From<Decimal> for Number {
    fn from(value: Decimal) -> Self {
        Number(value)
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw = serde_json::value::RawValue::from_string(self.plain())
            .map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

impl JsonSchema for Number {
    fn schema_name() -> Cow<'static, str> {
        "Number".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "number",
            "description": "Số thập phân chính xác như trong văn bản (decimal written exactly)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn decimals_are_written_exactly() {
        let value = Decimal::from_str("1747201.50").expect("decimal");
        let json = serde_json::to_string(&vec![Number(value)]).expect("json");
        assert_eq!(json, "[1747201.5]");
        let big = Decimal::from_str("12345678901234567890.123").expect("decimal");
        assert_eq!(
            serde_json::to_string(&Number(big)).expect("json"),
            "12345678901234567890.123"
        );
    }
}
