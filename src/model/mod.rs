//! The source model: typed structs for every content file, as the editor wrote them.
//!
//! Fields that later checks must point at are wrapped in [`Spanned`] so that each problem
//! can be reported at its file, line and column. See `docs/content-model.md`.

mod appendix;
mod document;
mod registry;

pub use appendix::{
    AppendixSource, Cell, ColumnRole, ColumnSource, GroupSource, NumberFormat, RowNode, RowSource,
    Unit,
};
pub use document::{
    AttachmentSource, Comparison, DocumentKind, DocumentSource, Level, MeasurementSource, Period,
    RelationSource, RelationType, SectionFrontMatter, Signer, TargetRef, TargetSource,
};
pub use registry::{AgencySource, IndicatorSource, ProvinceSource, SiteConfig};

pub use crate::yaml::Spanned;
