//! The layers of `src/`: the table of `src/lib.rs` is the map, and every `crate::` path of the
//! library's sources must point to a lower layer, or to a module of the same layer without
//! closing a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module → layer, read from the table under "# Layers" in `src/lib.rs`.
fn layer_map(lib: &str) -> BTreeMap<String, u32> {
    let mut map = BTreeMap::new();
    for line in lib.lines() {
        let Some(row) = line.strip_prefix("//! | ") else {
            continue;
        };
        let mut cells = row.split(" | ");
        let (Some(layer), Some(modules)) = (cells.next(), cells.next()) else {
            continue;
        };
        let Ok(layer) = layer.trim().parse::<u32>() else {
            continue;
        };
        for module in modules.split('`').skip(1).step_by(2) {
            let previous = map.insert(module.to_string(), layer);
            assert!(previous.is_none(), "{module} is twice in the layer map");
        }
    }
    map
}

/// The top-level module a source file belongs to: `src/render/views.rs` → `render`;
/// `src/lib.rs` → `crate`.
fn owner(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("a file under src/");
    let first = relative
        .components()
        .next()
        .expect("a path")
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    match first.strip_suffix(".rs") {
        Some("lib") => "crate".to_string(),
        Some(module) => module.to_string(),
        None => first,
    }
}

/// The top-level modules a line of code names through `crate::` (comments skipped).
fn named_modules(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() && rest.starts_with('{') {
            let group = rest[1..].split('}').next().unwrap_or("");
            for item in group.split(',') {
                let item = item.trim().split("::").next().unwrap_or("").trim();
                if !item.is_empty() {
                    found.push(item.to_string());
                }
            }
        } else if !name.is_empty() {
            found.push(name);
        }
    }
    found
}

/// Every import between two different top-level modules: (from, to) → the first place.
fn imports(src: &Path) -> BTreeMap<(String, String), String> {
    let mut edges = BTreeMap::new();
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let entry = entry.expect("a readable src/");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let from = owner(src, path);
        // The binary's own files use the library only through its public items.
        if from == "main" || from == "command_line" {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("a readable source file");
        for (number, line) in text.lines().enumerate() {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") {
                continue;
            }
            for to in named_modules(line) {
                if to != from && to != "self" && to != "super" {
                    edges
                        .entry((from.clone(), to))
                        .or_insert_with(|| format!("{}:{}", path.display(), number + 1));
                }
            }
        }
    }
    edges
}

/// What breaks the layering: modules missing from the map, imports that point up, and
/// circles among the modules of one layer.
fn violations(
    map: &BTreeMap<String, u32>,
    modules: &BTreeSet<String>,
    edges: &BTreeMap<(String, String), String>,
) -> Vec<String> {
    let mut found = Vec::new();
    for module in modules {
        if !map.contains_key(module) {
            found.push(format!(
                "module {module} is not in the layer map of src/lib.rs"
            ));
        }
    }
    for ((from, to), place) in edges {
        let (Some(&a), Some(&b)) = (map.get(from), map.get(to)) else {
            continue;
        };
        if b > a {
            found.push(format!(
                "{place}: {from} (layer {a}) imports {to} (layer {b}), a higher layer"
            ));
        }
    }
    // A circle: a path back to a module through imports within its layer.
    let same_layer: Vec<(&String, &String, &String)> = edges
        .iter()
        .filter(|((from, to), _)| map.get(from).is_some() && map.get(from) == map.get(to))
        .map(|((from, to), place)| (from, to, place))
        .collect();
    for (from, to, place) in &same_layer {
        let mut seen = BTreeSet::new();
        let mut stack = vec![*to];
        while let Some(at) = stack.pop() {
            if at == *from {
                found.push(format!(
                    "{place}: {from} imports {to}, which leads back to {from}: a circle"
                ));
                break;
            }
            if seen.insert(at) {
                stack.extend(
                    same_layer
                        .iter()
                        .filter(|(f, _, _)| *f == at)
                        .map(|(_, t, _)| *t),
                );
            }
        }
    }
    found
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level modules the library declares (`mod x;` in `src/lib.rs`), and the root.
fn declared_modules(lib: &str) -> BTreeSet<String> {
    let mut modules: BTreeSet<String> = lib
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line
                .strip_prefix("pub mod ")
                .or_else(|| line.strip_prefix("pub(crate) mod "))
                .or_else(|| line.strip_prefix("mod "))?;
            rest.strip_suffix(';').map(str::to_string)
        })
        .collect();
    modules.insert("crate".to_string());
    modules
}

#[test]
fn every_import_points_down_and_no_layer_has_a_circle() {
    let src = src();
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("src/lib.rs");
    let map = layer_map(&lib);
    let modules = declared_modules(&lib);
    assert!(modules.len() > 10, "modules read from lib.rs: {modules:?}");
    let edges = imports(&src);
    assert!(
        edges.contains_key(&("render".to_string(), "site".to_string())),
        "the import reader finds render's use of site"
    );
    let found = violations(&map, &modules, &edges);
    assert!(found.is_empty(), "layering broken:\n{}", found.join("\n"));
    for module in map.keys() {
        assert!(
            modules.contains(module),
            "{module} is in the layer map but src/lib.rs declares no such module"
        );
    }
}

#[test]
fn an_upward_import_or_a_circle_is_refused() {
    let lib = std::fs::read_to_string(src().join("lib.rs")).expect("src/lib.rs");
    let map = layer_map(&lib);
    let modules = declared_modules(&lib);
    let edge = |from: &str, to: &str| ((from.to_string(), to.to_string()), "x.rs:1".to_string());
    // The site importing a kind of output: up.
    let up: BTreeMap<_, _> = [edge("site", "render")].into();
    let found = violations(&map, &modules, &up);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("site (layer 3) imports render (layer 5)"));
    // Two outputs importing each other: a circle within a layer.
    let circle: BTreeMap<_, _> = [edge("search", "open_data"), edge("open_data", "search")].into();
    let found = violations(&map, &modules, &circle);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|f| f.contains("a circle")));
    // One way within a layer is allowed.
    let one_way: BTreeMap<_, _> = [edge("publish", "output")].into();
    assert!(violations(&map, &modules, &one_way).is_empty());
    // A module the map forgets.
    let mut more = modules.clone();
    more.insert("extra".to_string());
    let found = violations(&map, &more, &BTreeMap::new());
    assert_eq!(
        found,
        ["module extra is not in the layer map of src/lib.rs"]
    );
}

#[test]
fn the_import_reader_sees_grouped_and_inline_paths() {
    assert_eq!(
        named_modules("use crate::{site::Site, render};"),
        ["site", "render"]
    );
    assert_eq!(
        named_modules("    let x = crate::vietnamese::fold(a); // crate::render"),
        ["vietnamese"]
    );
}
