//! Every address of the portal, relative to its root (no leading slash): a page's URL ends
//! with `/` (its folder), and [`output_path`] is the file written for it. The templates spell
//! none: the view data carry the URLs of what a page links to, and every page's context has
//! the fixed pages as `urls` ([`FIXED_PAGES`]). The open data's files and the search index
//! are named in their own modules.

use serde::Serialize;

/// The folder, beside a document's page, where its files are published.
pub const ATTACHMENTS_FOLDER: &str = "tep";

/// The folder of the open data.
pub const OPEN_DATA_FOLDER: &str = "du-lieu";

/// The folder of the theme's static files (`static/`, fingerprinted).
pub const ASSETS_FOLDER: &str = "assets";

/// Where the emblem of `site.yaml` is published: `assets/bieu-trung/<file name>`.
pub const EMBLEM_FOLDER: &str = "assets/bieu-trung";

/// A file of the theme's `static/` folder, `relative` to it.
pub fn asset(relative: &str) -> String {
    format!("{ASSETS_FOLDER}/{relative}")
}

/// The emblem of `site.yaml`, by its file name.
pub fn emblem(name: &str) -> String {
    format!("{EMBLEM_FOLDER}/{name}")
}

/// The home page.
pub const HOME: &str = "";
/// The index of documents.
pub const DOCUMENTS: &str = "van-ban/";
/// The index of provinces.
pub const PROVINCES: &str = "tinh/";
/// The index of agencies.
pub const AGENCIES: &str = "co-quan/";
/// The targets index.
pub const TARGETS: &str = "chi-tieu/";
/// How the status of a target and of a row is found.
pub const METHODOLOGY: &str = "chi-tieu/phuong-phap/";
/// The projects index.
pub const PROJECTS: &str = "du-an/";
/// The glossary.
pub const GLOSSARY: &str = "thuat-ngu/";
/// The "Giới thiệu" page.
pub const ABOUT: &str = "gioi-thieu/";
/// The register of stated totals that differ from their rows.
pub const REGISTER: &str = "doi-chieu-tong/";
/// The search page.
pub const SEARCH: &str = "tim-kiem/";
/// The folder of the search index, which the search page's script reads.
pub const SEARCH_INDEX: &str = "tim-kiem/chi-muc/";
/// The open data page.
pub const OPEN_DATA: &str = "du-lieu/";
/// The page served for an address that has none.
pub const NOT_FOUND: &str = "404.html";
/// The Atom feed.
pub const FEED: &str = "feed.xml";

/// The file written for the page at `url`: `van-ban/x/` → `van-ban/x/index.html`; a URL
/// naming a file (`404.html`) is its own path.
pub fn output_path(url: &str) -> String {
    if url.is_empty() || url.ends_with('/') {
        format!("{url}index.html")
    } else {
        url.to_string()
    }
}

/// The URL of a page from its output path: `van-ban/x/index.html` → `van-ban/x/`.
pub fn page_url(path: &str) -> String {
    match path.strip_suffix("index.html") {
        Some(directory) => directory.to_string(),
        None => path.to_string(),
    }
}

/// A document's page.
pub fn document(id: &str) -> String {
    format!("{DOCUMENTS}{id}/")
}

/// A document's open data file, beside its page.
pub fn document_json(id: &str) -> String {
    format!("{DOCUMENTS}{id}/van-ban.json.gz")
}

/// A target on its document's page.
pub fn target(document: &str, id: &str) -> String {
    format!("{DOCUMENTS}{document}/#ct-{id}")
}

/// A measurement on its document's page.
pub fn measurement(document: &str, id: &str) -> String {
    format!("{DOCUMENTS}{document}/#sl-{id}")
}

/// The page of appendix `appendix` of `document`.
pub fn appendix(document: &str, appendix: &str) -> String {
    format!("{DOCUMENTS}{document}/phu-luc-{appendix}/")
}

/// A row (or group) of an appendix, on the appendix's page.
pub fn appendix_row(document: &str, appendix: &str, anchor: &str) -> String {
    format!("{DOCUMENTS}{document}/phu-luc-{appendix}/#{anchor}")
}

/// The page that lists a document's files.
pub fn attachments(document: &str) -> String {
    format!("{DOCUMENTS}{document}/{ATTACHMENTS_FOLDER}/")
}

/// A file of a document, published beside its page.
pub fn attachment(document: &str, name: &str) -> String {
    format!("{DOCUMENTS}{document}/{ATTACHMENTS_FOLDER}/{name}")
}

/// A province's page.
pub fn province(id: &str) -> String {
    format!("{PROVINCES}{id}/")
}

/// The targets on a province's page.
pub fn province_targets(id: &str) -> String {
    format!("{PROVINCES}{id}/#chi-tieu")
}

/// The first page of a province's projects.
pub fn province_projects(id: &str) -> String {
    format!("{PROVINCES}{id}/du-an/")
}

/// An agency's page, the first page of its projects.
pub fn agency(id: &str) -> String {
    format!("{AGENCIES}{id}/")
}

/// A shared indicator's page.
pub fn indicator(id: &str) -> String {
    format!("{TARGETS}{id}/")
}

/// A project's page.
pub fn project(id: &str) -> String {
    format!("{PROJECTS}{id}/")
}

/// A glossary entry on the glossary page.
pub fn glossary_entry(id: &str) -> String {
    format!("{GLOSSARY}#{id}")
}

/// A rule of the target statuses, or a standard row status (`rs-<id>`), on the
/// methodology page.
pub fn methodology_of(anchor: &str) -> String {
    format!("{METHODOLOGY}#{anchor}")
}

/// The fixed pages of the portal, as every page's template receives them (`urls`).
#[derive(Debug, Clone, Serialize)]
pub struct FixedPages {
    /// [`HOME`].
    pub home: &'static str,
    /// [`DOCUMENTS`].
    pub documents: &'static str,
    /// [`PROVINCES`].
    pub provinces: &'static str,
    /// [`AGENCIES`].
    pub agencies: &'static str,
    /// [`TARGETS`].
    pub targets: &'static str,
    /// [`METHODOLOGY`].
    pub methodology: &'static str,
    /// [`PROJECTS`].
    pub projects: &'static str,
    /// [`GLOSSARY`].
    pub glossary: &'static str,
    /// [`ABOUT`].
    pub about: &'static str,
    /// [`REGISTER`].
    pub register: &'static str,
    /// [`SEARCH`].
    pub search: &'static str,
    /// [`SEARCH_INDEX`].
    pub search_index: &'static str,
    /// [`OPEN_DATA`].
    pub open_data: &'static str,
    /// [`FEED`].
    pub feed: &'static str,
}

/// The fixed pages of the portal.
pub const FIXED_PAGES: FixedPages = FixedPages {
    home: HOME,
    documents: DOCUMENTS,
    provinces: PROVINCES,
    agencies: AGENCIES,
    targets: TARGETS,
    methodology: METHODOLOGY,
    projects: PROJECTS,
    glossary: GLOSSARY,
    about: ABOUT,
    register: REGISTER,
    search: SEARCH,
    search_index: SEARCH_INDEX,
    open_data: OPEN_DATA,
    feed: FEED,
};

#[cfg(test)]
mod tests {
    #[test]
    fn page_urls_drop_index_html() {
        assert_eq!(super::page_url("index.html"), "");
        assert_eq!(super::page_url("van-ban/a/index.html"), "van-ban/a/");
        assert_eq!(super::page_url("404.html"), "404.html");
    }

    #[test]
    fn output_paths_and_page_urls_are_inverse() {
        for url in ["", "van-ban/a/", "404.html", "tinh/x/du-an/trang-2/"] {
            assert_eq!(super::page_url(&super::output_path(url)), url);
        }
    }

    #[test]
    fn pages_of_a_list_after_the_first_are_numbered() {}
}
