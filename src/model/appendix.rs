//! An appendix (phụ lục) as written: columns, nested groups, rows and stated totals.

use crate::yaml::Spanned;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// The money unit of an appendix's amount columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// đồng.
    Dong,
    /// nghìn đồng.
    NghinDong,
    /// triệu đồng.
    TrieuDong,
    /// tỷ đồng.
    TyDong,
}

impl Unit {
    /// The unit as written in appendix YAML (`trieu-dong`).
    pub fn key(self) -> &'static str {
        match self {
            Unit::Dong => "dong",
            Unit::NghinDong => "nghin-dong",
            Unit::TrieuDong => "trieu-dong",
            Unit::TyDong => "ty-dong",
        }
    }

    /// The unit as a caption prints it.
    pub fn label(self) -> &'static str {
        match self {
            Unit::Dong => "đồng",
            Unit::NghinDong => "nghìn đồng",
            Unit::TrieuDong => "triệu đồng",
            Unit::TyDong => "tỷ đồng",
        }
    }

    /// How many đồng one unit is worth.
    pub fn in_dong(self) -> i64 {
        match self {
            Unit::Dong => 1,
            Unit::NghinDong => 1_000,
            Unit::TrieuDong => 1_000_000,
            Unit::TyDong => 1_000_000_000,
        }
    }
}

/// How amount cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NumberFormat {
    /// 1.234,5 (Vietnamese).
    #[default]
    Vi,
    /// 1,234.5 (US).
    Us,
}

/// What a column holds; drives alignment, parsing, filters and open data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ColumnRole {
    /// Số thứ tự.
    Label,
    /// The project's or item's name.
    Name,
    /// Lead agency.
    Agency,
    /// Goal.
    Goal,
    /// Scale.
    Scale,
    /// Period of execution.
    Period,
    /// Money, in the appendix's unit.
    Amount,
    /// Funding source.
    Funding,
    /// Status or result.
    Status,
    /// A note.
    Note,
    /// Any other text.
    Text,
    /// A date.
    Date,
    /// A document number.
    Document,
}

impl ColumnRole {
    /// The role as written in appendix YAML (`agency`).
    pub fn key(self) -> &'static str {
        match self {
            ColumnRole::Label => "label",
            ColumnRole::Name => "name",
            ColumnRole::Agency => "agency",
            ColumnRole::Goal => "goal",
            ColumnRole::Scale => "scale",
            ColumnRole::Period => "period",
            ColumnRole::Amount => "amount",
            ColumnRole::Funding => "funding",
            ColumnRole::Status => "status",
            ColumnRole::Note => "note",
            ColumnRole::Text => "text",
            ColumnRole::Date => "date",
            ColumnRole::Document => "document",
        }
    }
}

/// One column of an appendix.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ColumnSource {
    /// Key used by the rows.
    #[schemars(with = "String")]
    pub key: Spanned<String>,
    /// The header as printed.
    pub title: String,
    /// What the column holds.
    pub role: ColumnRole,
    /// For an amount that is a part (a year, a source of funds) of another amount column:
    /// that column's key. A row that leaves that column empty counts the sum of its parts.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub part_of: Option<Spanned<String>>,
}

/// `appendices/NN-*.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppendixSource {
    /// Unique within the document, used in the URL.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The number as printed ("II").
    #[serde(default)]
    pub number: Option<String>,
    /// The title as printed.
    #[serde(deserialize_with = "super::non_blank")]
    pub title: String,
    /// The line under the title, e.g. "(Kèm theo Kế hoạch số …)".
    #[serde(default)]
    pub caption: Option<String>,
    /// Money unit of the amount columns.
    #[serde(default)]
    pub unit: Option<Unit>,
    /// How amount cells are written.
    #[serde(default)]
    pub number_format: NumberFormat,
    /// The columns, in order.
    pub columns: Vec<ColumnSource>,
    /// The years its rows belong to, when they are not the document's own (a plan for
    /// 2021–2025 that lists what was done in 2016–2020): money totals of the plan count only
    /// its own period's appendices.
    #[serde(default)]
    #[schemars(with = "Option<super::Period>")]
    pub period: Option<Spanned<super::Period>>,
    /// Groups and rows, in order.
    #[serde(default)]
    #[schemars(with = "Vec<RowNode>")]
    pub rows: Vec<Spanned<RowNode>>,
    /// The stated grand total per amount column, as printed.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Cell>")]
    pub totals: BTreeMap<String, Spanned<Cell>>,
    /// How the document labels the grand total row.
    #[serde(default)]
    pub total_label: Option<String>,
}

/// A cell: its text as printed, and an explicit value when the text cannot be read alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The text as printed.
    pub text: String,
    /// An explicit plain decimal (dot as decimal point) overriding the text's reading.
    pub value: Option<String>,
}

/// A node of an appendix's row tree.
#[derive(Debug, Clone)]
pub enum RowNode {
    /// A group or sub-group with its own rows.
    Group(GroupSource),
    /// A row.
    Row(RowSource),
}

/// A group (I, II, 1., 2.1 …).
#[derive(Debug, Clone)]
pub struct GroupSource {
    /// Its label as printed.
    pub label: String,
    /// Its title as printed.
    pub title: String,
    /// Stated subtotals per amount column.
    pub totals: BTreeMap<String, Spanned<Cell>>,
    /// Other cells printed on the group's line (e.g. a lead agency for the whole group).
    pub cells: BTreeMap<String, Spanned<Cell>>,
    /// Its groups and rows.
    pub rows: Vec<Spanned<RowNode>>,
}

/// A row: one project, task or item.
#[derive(Debug, Clone)]
pub struct RowSource {
    /// Cells by column key.
    pub cells: BTreeMap<String, Spanned<Cell>>,
    /// Explicit agency IDs when the agency cell names several.
    pub agencies: Vec<Spanned<String>>,
    /// The earlier row this row continues: `document/appendix#row-anchor`.
    pub continues: Option<Spanned<String>>,
}

impl JsonSchema for Cell {
    fn schema_name() -> Cow<'static, str> {
        "Cell".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A cell as printed: text, or { text, value } with the value as a plain decimal (dot as decimal point).",
            "anyOf": [
                { "type": "string" },
                { "type": "integer" },
                {
                    "type": "object",
                    "properties": {
                        "text": { "type": "string", "description": "The text as printed." },
                        "value": {
                            "type": "string",
                            "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
                            "description": "The figure as a plain decimal, e.g. \"80000\" or \"99.5\"."
                        }
                    },
                    "required": ["text"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl JsonSchema for RowNode {
    fn schema_name() -> Cow<'static, str> {
        "RowNode".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let cell = generator.subschema_for::<Cell>();
        let node = generator.subschema_for::<RowNode>();
        json_schema!({
            "description": "A row (column key: cell, optional `agencies`) or a group (`group`, `title`, `totals`, `rows`).",
            "type": "object",
            "properties": {
                "group": cell.clone(),
                "title": { "type": "string", "description": "A group's title as printed." },
                "totals": {
                    "type": "object",
                    "description": "Stated subtotals per amount column, as printed.",
                    "additionalProperties": cell
                },
                "rows": { "type": "array", "description": "The group's groups and rows.", "items": node },
                "agencies": {
                    "type": "array",
                    "description": "Agency IDs when the agency cell names several.",
                    "items": { "type": "string" }
                },
                "continues": {
                    "type": "string",
                    "pattern": "^[a-z0-9-]+/[a-z0-9-]+#[a-z0-9-]+$",
                    "description": "The earlier row (of a plan, an earlier report) this row continues: document/appendix#row-anchor, e.g. kh-10693-2020/iv#r-i-2-2-1."
                }
            },
            "additionalProperties": cell
        })
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CellVisitor;
        impl<'de> Visitor<'de> for CellVisitor {
            type Value = Cell;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a cell: text, or { text: \"…\", value: \"…\" }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
                Ok(Cell {
                    text: v.to_string(),
                    value: None,
                })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
                Err(E::custom(format!(
                    "số {v} phải viết trong dấu ngoặc kép, đúng như bản in (ví dụ \"1.747.201,5\")"
                )))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cell, A::Error> {
                let mut text = None;
                let mut value = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "text" => text = Some(map.next_value::<String>()?),
                        "value" => value = Some(map.next_value::<String>()?),
                        // A mapping where a cell was expected is most often a group's
                        // subtotals under a misspelt key (`total:` for `totals:`).
                        other => {
                            return Err(de::Error::custom(format!(
                                "trường `{other}` không có trong một ô (một ô chỉ có `text` và \
                                 `value`); nếu đây là tổng của một nhóm, viết chúng trong \
                                 `totals: {{ … }}`"
                            )));
                        }
                    }
                }
                let text = text.ok_or_else(|| de::Error::missing_field("text"))?;
                Ok(Cell { text, value })
            }
        }
        deserializer.deserialize_any(CellVisitor)
    }
}

impl<'de> Deserialize<'de> for RowNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RowVisitor;
        impl<'de> Visitor<'de> for RowVisitor {
            type Value = RowNode;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a row (column key: cell) or a group (group, title, rows)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RowNode, A::Error> {
                let mut label = None;
                let mut title = None;
                let mut totals = BTreeMap::new();
                let mut rows = None;
                let mut agencies = Vec::new();
                let mut continues = None;
                let mut cells = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "group" => label = Some(map.next_value::<Cell>()?.text),
                        "title" => title = Some(map.next_value::<String>()?),
                        "totals" => totals = map.next_value()?,
                        "rows" => rows = Some(map.next_value::<Vec<Spanned<RowNode>>>()?),
                        "agencies" => agencies = map.next_value()?,
                        "continues" => continues = Some(map.next_value()?),
                        _ => {
                            let cell = map.next_value::<Spanned<Cell>>()?;
                            if cells.insert(key.clone(), cell).is_some() {
                                return Err(de::Error::custom(format!(
                                    "cột `{key}` được viết hai lần trong cùng một dòng"
                                )));
                            }
                        }
                    }
                }
                if (label.is_some() || rows.is_some()) && continues.is_some() {
                    return Err(de::Error::custom(
                        "`continues` nối một dòng với dòng trước đó; một nhóm không dùng được `continues`",
                    ));
                }
                if label.is_some() || rows.is_some() {
                    let label = label.ok_or_else(|| {
                        de::Error::custom("một nhóm có `rows` phải ghi nhãn của nhóm trong `group` (ví dụ group: \"I\")")
                    })?;
                    Ok(RowNode::Group(GroupSource {
                        label,
                        title: title.unwrap_or_default(),
                        totals,
                        cells,
                        rows: rows.unwrap_or_default(),
                    }))
                } else if title.is_some() || !totals.is_empty() {
                    Err(de::Error::custom(
                        "`title` và `totals` chỉ dùng cho nhóm: thêm `group: \"…\"` với nhãn của nhóm",
                    ))
                } else {
                    Ok(RowNode::Row(RowSource {
                        cells,
                        agencies,
                        continues,
                    }))
                }
            }
        }
        deserializer.deserialize_map(RowVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::{ColumnRole, Unit};

    #[test]
    fn keys_are_the_yaml_spellings() {
        for role in [
            ColumnRole::Label,
            ColumnRole::Agency,
            ColumnRole::Amount,
            ColumnRole::Document,
        ] {
            let parsed: ColumnRole = serde_saphyr::from_str(role.key()).expect("role key parses");
            assert_eq!(parsed, role);
        }
        for unit in [Unit::Dong, Unit::NghinDong, Unit::TrieuDong, Unit::TyDong] {
            let parsed: Unit = serde_saphyr::from_str(unit.key()).expect("unit key parses");
            assert_eq!(parsed, unit);
        }
    }
}
