//! Site settings and the shared registries: provinces, agencies, indicators.

use crate::yaml::Spanned;
use schemars::JsonSchema;
use serde::Deserialize;

/// `site.yaml`: the portal's own settings.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The portal's name, shown in every page title.
    #[serde(deserialize_with = "super::non_blank")]
    pub title: String,
    /// One sentence on what the portal publishes.
    #[serde(default)]
    pub description: Option<String>,
    /// Where the portal is published, e.g. `https://stttt.example.gov.vn/cong-khai/`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub base_url: Option<Spanned<String>>,
    /// Who publishes the portal.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Language tag of the content (always `vi` for now).
    #[serde(default)]
    pub language: Option<String>,
    /// Write every link relative to its page, with explicit `index.html`, so that the
    /// portal also works opened from disk.
    #[serde(default)]
    pub relative_links: bool,
    /// The agency that publishes the portal: its name, address and contact, shown in every
    /// page's footer and on the "Giới thiệu" page, and named as the open data's publisher.
    #[serde(default)]
    pub agency: Option<PublisherSource>,
    /// An emblem shown beside the portal's name: an image file (SVG or PNG) of the content
    /// folder, e.g. `logo.svg`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub emblem: Option<Spanned<String>>,
    /// When the portal was last updated, `YYYY-MM-DD`; the latest `updated` of the documents
    /// when later.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub updated: Option<Spanned<String>>,
    /// How often the portal is updated, in a sentence ("Cập nhật khi có văn bản mới …").
    #[serde(default)]
    pub update_frequency: Option<String>,
    /// The licence of the content and the open data; CC BY 4.0 when not given.
    #[serde(default)]
    pub licence: Option<LicenceSource>,
}

/// A licence (`licence:` in `site.yaml`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LicenceSource {
    /// Its short name or SPDX identifier: `CC-BY-4.0`.
    #[serde(deserialize_with = "super::non_blank")]
    pub name: String,
    /// Its full name.
    #[serde(deserialize_with = "super::non_blank")]
    pub title: String,
    /// Where its text is, a full `https://` address.
    #[serde(deserialize_with = "super::non_blank")]
    pub url: String,
}

impl Default for LicenceSource {
    /// The data are published under CC BY 4.0 unless `site.yaml` says otherwise: reuse
    /// freely, name the source.
    fn default() -> Self {
        LicenceSource {
            name: "CC-BY-4.0".to_string(),
            title: "Creative Commons Attribution 4.0 International".to_string(),
            url: "https://creativecommons.org/licenses/by/4.0/".to_string(),
        }
    }
}

/// The agency that publishes the portal (`agency:` in `site.yaml`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublisherSource {
    /// Its full name.
    #[serde(deserialize_with = "super::non_blank")]
    pub name: String,
    /// The agency it belongs to (cơ quan chủ quản), if any.
    #[serde(default)]
    pub parent: Option<String>,
    /// Postal address.
    #[serde(default)]
    pub address: Option<String>,
    /// Telephone number, as written.
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail address for readers.
    #[serde(default)]
    pub email: Option<String>,
    /// Its own website.
    #[serde(default)]
    pub website: Option<String>,
}

/// One record of `provinces.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProvinceSource {
    /// Stable ID, used in URLs.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The official name.
    #[serde(deserialize_with = "super::non_blank")]
    pub name: String,
    /// Other spellings found in documents.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The region the province belongs to.
    #[serde(default)]
    pub region: Option<String>,
    /// The province it was merged into (since 2025).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub merged_into: Option<Spanned<String>>,
    /// When it was merged, `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub merged_on: Option<Spanned<String>>,
    /// A note shown on the province page.
    #[serde(default)]
    pub note: Option<String>,
}

/// One record of an `agencies/*.yaml` file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgencySource {
    /// Stable ID, used in URLs.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The canonical full name.
    #[serde(deserialize_with = "super::non_blank")]
    pub name: String,
    /// How pages name it inside its own province.
    #[serde(default)]
    pub short_name: Option<String>,
    /// The province it belongs to; none for national bodies.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub province: Option<Spanned<String>>,
    /// Every other spelling used in the documents.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// One record of an `indicators/*.yaml` file: a measure shared by several provinces.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorSource {
    /// Stable ID, used in URLs.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The indicator's name.
    #[serde(deserialize_with = "super::non_blank")]
    pub name: String,
    /// Unit of its values, e.g. `%`.
    #[serde(default)]
    pub unit: Option<String>,
    /// What is measured.
    #[serde(default)]
    pub description: Option<String>,
    /// Where the provinces' definitions differ.
    #[serde(default)]
    pub notes: Option<String>,
}

/// One record of `row-statuses.yaml`: a standard status of appendix rows, and the phrases of
/// printed status texts that give it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RowStatusSource {
    /// Stable ID, used in URLs, CSS and open data.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What readers see ("Hoàn thành").
    #[serde(deserialize_with = "super::non_blank")]
    pub label: String,
    /// What the status means, in one sentence.
    #[serde(default)]
    pub description: Option<String>,
    /// Phrases: a printed status text that contains one of them (without regard to case)
    /// gets this status, unless a status listed before matched it.
    #[serde(rename = "match")]
    pub phrases: Vec<String>,
    /// True for the status that means the work is finished ("Hoàn thành"): what a report's
    /// changes count as finished.
    #[serde(default)]
    pub done: bool,
}

/// One entry of `glossary.yaml`: an abbreviation the documents use, with its full form.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossarySource {
    /// The abbreviation as the documents print it: `TTHC`, `NSĐP`.
    #[schemars(with = "String")]
    pub term: Spanned<String>,
    /// What it stands for, in lower case as in a sentence: "thủ tục hành chính".
    #[serde(deserialize_with = "super::non_blank")]
    pub full: String,
    /// A sentence for readers who do not know the thing itself.
    #[serde(default)]
    pub note: Option<String>,
    /// Other spellings of the abbreviation in the documents: `NSDP`, `TT&TT`.
    #[serde(default)]
    pub aliases: Vec<String>,
}
