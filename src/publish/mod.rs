//! Everything a publisher needs beyond the pages: sitemap, robots.txt, the Atom feed, link
//! checking, relative links and precompression.

pub mod compress;
pub mod feed;
pub mod html_links;
pub mod links;
pub mod relative;
pub mod sitemap;
