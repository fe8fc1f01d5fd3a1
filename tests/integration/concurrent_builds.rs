//! Two builds started at once on the same output take turns (lock beside `output/`): both
//! succeed, the output is one whole build, nothing is left behind.

use crate::common;
use common::Project;
use std::process::Command;

#[test]
fn concurrent_builds_on_one_output_do_not_corrupt_it() {
    let project = Project::new();
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_congkhai"))
            .arg("build")
            .current_dir(project.path())
            .output()
    };
    let results: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4).map(|_| scope.spawn(spawn)).collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    for result in results {
        let output = result.expect("runs");
        assert!(output.status.success(), "{}", common::printed(&output));
    }
    let page = project.page("van-ban/kh-1-2020/index.html");
    assert!(page.contains("Kế hoạch thử nghiệm chuyển đổi số"));
    let left: Vec<String> = std::fs::read_dir(project.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".staging-") || n.contains(".old-"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn a_build_killed_between_the_renames_is_recovered_by_the_next() {
    let project = Project::new();
    assert!(project.run(&["build"]).status.success());
    // What a build killed after moving output/ aside and before renaming staging leaves.
    std::fs::rename(
        project.path().join("output"),
        project.path().join(".output.old-99999"),
    )
    .expect("rename");
    std::fs::create_dir(project.path().join(".output.staging-99999")).expect("mkdir");
    assert!(project.run(&["build"]).status.success());
    assert!(project.path().join("output/index.html").exists());
    for leftover in [".output.old-99999", ".output.staging-99999"] {
        assert!(!project.path().join(leftover).exists(), "{leftover} left");
    }
}
