//! The source model: typed structs for every content file, as the editor wrote them.
//!
//! Fields that later checks must point at are wrapped in [`Spanned`] so that each problem
//! can be reported at its file, line and column. See `docs/content-model.md`.

mod appendix;
mod document;
mod registry;

pub use appendix::{
    AppendixSource, Cell, ColumnRole, GroupSource, NumberFormat, RowNode, RowSource, Unit,
};
pub use document::{
    AttachmentSource, DocumentKind, DocumentSource, Level, MeasurementSource, Period,
    RelationSource, RelationType, SectionFrontMatter, Signer, TargetRef, TargetSource,
};
pub use registry::{
    AgencySource, GlossarySource, IndicatorSource, LicenceSource, ProvinceSource, PublisherSource,
    RowStatusSource, SiteConfig,
};

pub use crate::yaml::Spanned;

use crate::yaml::BLANK_TEXT;

/// Reads a text that must say something: a title, a name, a target's sentence. Empty or
/// only spaces, it is refused at its place, instead of being published as an empty heading.
pub fn non_blank<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text = <String as serde::Deserialize>::deserialize(deserializer)?;
    if text.trim().is_empty() {
        Err(serde::de::Error::custom(BLANK_TEXT))
    } else {
        Ok(text)
    }
}
