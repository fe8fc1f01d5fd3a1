//! Where in the content a link that the build found broken was written. The build checks the
//! links of the rendered pages; an editor needs the section's file, line and column.

use crate::diagnostics::Diagnostics;
use crate::publish::links::BrokenLink;
use crate::site::Site;
use std::collections::HashMap;
use std::path::Path;

use crate::validate::LINK_HINT as HINT;

/// What to do about a relative link to a file: most often one kept beside the section, which
/// a build does not publish.
const FILE_HINT: &str = "một tệp (PDF, ảnh) được công bố cùng văn bản khi nằm trong thư mục \
                         files/ của văn bản: đặt tệp vào đó và dẫn liên kết \
                         “../files/ten-tep.pdf”; hoặc dẫn tới một trang (../kh-2044-2025/), \
                         hoặc dùng địa chỉ đầy đủ https://… của tệp trên máy chủ khác";

/// Errors at the places in the sections (`content` is the content folder) that wrote the
/// `broken` links, when each is a link of a document's section that can be found there; none
/// otherwise (a template's link, say), and the build's own error stands.
pub fn in_sections(site: &Site, content: &Path, broken: &[BrokenLink]) -> Option<Diagnostics> {
    let mut read: HashMap<&str, crate::load::DocumentFolder> = HashMap::new();
    let mut diagnostics = Diagnostics::default();
    for link in broken {
        let id = link
            .page
            .strip_prefix(crate::urls::DOCUMENTS)?
            .strip_suffix("/index.html")?;
        let document = site.document(id)?;
        let folder = read.entry(id).or_insert_with(|| {
            crate::load::load_document(content, &document.folder, &mut Diagnostics::default())
        });
        // A Markdown link or image, else a raw HTML tag's `href` or `src` (`<img src=x>`).
        let place = folder.sections.iter().find_map(|section| {
            let scan = crate::markdown::scan(&section.body);
            scan.links
                .iter()
                .chain(&scan.html_links)
                .find(|(_, written)| *written == link.link)
                .map(|(offset, _)| section.place_of(*offset))
        })?;
        let relative = !link.link.starts_with(['/', '#']);
        diagnostics.error(
            place,
            format!("liên kết “{}” {}", link.link, link.reason),
            if relative { FILE_HINT } else { HINT },
        );
    }
    Some(diagnostics)
}
