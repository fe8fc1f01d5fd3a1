//! Control characters written as YAML escapes in double-quoted text ("\f", "\u0007", "\0",
//! "\uFFFE"). Typed as they are, the YAML parser refuses them with their place; written as
//! escapes they would pass into titles and cells, where no page shows them and where they make
//! `feed.xml` and `sitemap.xml` ill-formed XML, which feed readers reject whole.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

use crate::text::is_forbidden_character as is_forbidden;

/// True when `text` may hold such an escape: a backslash followed by one of the escapes
/// that can make a control character. Most files have none, and are not parsed again.
fn may_escape_a_control(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|pair| pair[0] == b'\\' && b"0abefvxuUN".contains(&pair[1]))
}

/// A forbidden character found in a value, and where the value is (line, column) once known.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    /// The character.
    pub character: char,
    /// Line and column of the value that holds it.
    pub place: Option<(u64, u64)>,
}

/// What walking a YAML node found.
struct Scan(Option<Found>);

impl Scan {
    /// The result of one spanned node, placed at that node unless a deeper one was.
    fn placed(node: Spanned<Scan>) -> Option<Found> {
        node.value.0.map(|found| Found {
            place: found
                .place
                .or(Some((node.referenced.line(), node.referenced.column()))),
            ..found
        })
    }
}

impl<'de> Deserialize<'de> for Scan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scan, D::Error> {
        deserializer.deserialize_any(ScanVisitor)
    }
}

struct ScanVisitor;

impl<'de> Visitor<'de> for ScanVisitor {
    type Value = Scan;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any YAML node")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Scan, E> {
        Ok(Scan(text.chars().find(|c| is_forbidden(*c)).map(
            |character| Found {
                character,
                place: None,
            },
        )))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Scan, E> {
        Ok(Scan(None))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Scan, E> {
        Ok(Scan(None))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Scan, E> {
        Ok(Scan(None))
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Scan, E> {
        Ok(Scan(None))
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<Scan, E> {
        Ok(Scan(None))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Scan, E> {
        Ok(Scan(None))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Scan, E> {
        Ok(Scan(None))
    }

    fn visit_none<E: de::Error>(self) -> Result<Scan, E> {
        Ok(Scan(None))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Scan, D::Error> {
        Scan::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scan, A::Error> {
        let mut first = None;
        while let Some(node) = seq.next_element::<Spanned<Scan>>()? {
            first = first.or_else(|| Scan::placed(node));
        }
        Ok(Scan(first))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scan, A::Error> {
        let mut first = None;
        while let Some((key, value)) = map.next_entry::<Spanned<Scan>, Spanned<Scan>>()? {
            first = first
                .or_else(|| Scan::placed(key))
                .or_else(|| Scan::placed(value));
        }
        Ok(Scan(first))
    }
}

/// The first forbidden character that `text` holds in a value, with the value's place;
/// none when the text has none, or does not parse (its own error will say why).
pub(super) fn find(text: &str, options: serde_saphyr::Options) -> Option<Found> {
    if !may_escape_a_control(text) {
        return None;
    }
    let scan: Spanned<Scan> = serde_saphyr::from_str_with_options(text, options).ok()?;
    Scan::placed(scan)
}
