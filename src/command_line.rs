//! The command line in Vietnamese: clap writes its help headings, its help and version flags
//! and its errors in English; an editor reads them in Vietnamese.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction};
use std::process::ExitCode;

/// The help screens' layout, with Vietnamese headings.
const HELP_TEMPLATE: &str = "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

/// `top` (the whole command line) with its help in Vietnamese: headings, the help and
/// version flags, and the `help` subcommand.
pub fn in_vietnamese(top: clap::Command) -> clap::Command {
    let top = top.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help("In phiên bản"),
    );
    let mut built = with_headings(top);
    // clap adds its `help` subcommands when the command is built.
    built.build();
    help_in_vietnamese(built)
}

/// Describes in Vietnamese the `help` subcommand of `command` and of its subcommands.
fn help_in_vietnamese(command: clap::Command) -> clap::Command {
    let command = if command.find_subcommand("help").is_some() {
        command.mut_subcommand("help", |help| {
            help.about("In trợ giúp của lệnh này hoặc của một lệnh con (congkhai help build)")
                .help_template(HELP_TEMPLATE)
                .subcommand_help_heading("Lệnh")
        })
    } else {
        command
    };
    command.mut_subcommands(|sub| {
        if sub.get_name() == "help" {
            sub
        } else {
            help_in_vietnamese(sub)
        }
    })
}

/// `command` and its subcommands with Vietnamese help headings and help flag.
fn with_headings(command: clap::Command) -> clap::Command {
    command
        .help_template(HELP_TEMPLATE)
        .subcommand_help_heading("Lệnh")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("In trợ giúp (-h ngắn gọn, --help đầy đủ)"),
        )
        .mut_args(|arg| {
            let heading = if arg.is_positional() {
                "Đối số"
            } else {
                "Tùy chọn"
            };
            default_in_vietnamese(arg.help_heading(heading))
        })
        .mut_subcommands(with_headings)
}

/// `arg` with its default value said in its help (`mặc định: content`) instead of clap's
/// `[default: content]`.
fn default_in_vietnamese(arg: Arg) -> Arg {
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    if defaults.is_empty() || arg.is_hide_default_value_set() {
        return arg;
    }
    let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let help = format!(
        "{} (mặc định: {})",
        help.trim_end_matches('.'),
        defaults.join(", ")
    );
    arg.hide_default_value(true).help(help)
}

/// Prints what clap refused, in Vietnamese where congkhai knows the kind of mistake, and
/// the exit code: 0 for the help and version screens, 2 for a mistake.
pub fn refuse(error: clap::Error) -> ExitCode {
    let Some(message) = explain(&error) else {
        // Help, version, or a kind of mistake without a Vietnamese message: as clap says it.
        let _ = error.print();
        return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
    };
    eprintln!("lỗi dòng lệnh: {message}");
    eprintln!("  gợi ý: xem `congkhai --help` hoặc `congkhai <lệnh> --help`");
    ExitCode::from(2)
}

/// The mistake behind `error`, in Vietnamese; `None` for the help and version screens and
/// the rarer mistakes.
fn explain(error: &clap::Error) -> Option<String> {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        Some(ContextValue::Strings(values)) => Some(values.join(", ")),
        _ => None,
    };
    let suggestion = |kind| {
        text(kind)
            .map(|s| format!("; có phải ý bạn là `{s}`?"))
            .unwrap_or_default()
    };
    Some(match error.kind() {
        ErrorKind::UnknownArgument => format!(
            "không có tùy chọn `{}`{}",
            text(ContextKind::InvalidArg)?,
            suggestion(ContextKind::SuggestedArg)
        ),
        ErrorKind::InvalidSubcommand => format!(
            "không có lệnh `{}`{}",
            text(ContextKind::InvalidSubcommand)?,
            suggestion(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::InvalidValue => {
            let allowed = text(ContextKind::ValidValue)
                .map(|v| format!("; các giá trị được phép: {v}"))
                .unwrap_or_default();
            format!(
                "giá trị “{}” không hợp lệ cho {}{allowed}",
                text(ContextKind::InvalidValue)?,
                text(ContextKind::InvalidArg)?
            )
        }
        ErrorKind::ValueValidation => format!(
            "giá trị “{}” không hợp lệ cho {}: {}",
            text(ContextKind::InvalidValue)?,
            text(ContextKind::InvalidArg)?,
            cause_text(error)?
        ),
        ErrorKind::MissingRequiredArgument => {
            format!("thiếu {}", text(ContextKind::InvalidArg)?)
        }
        ErrorKind::MissingSubcommand => {
            "thiếu lệnh (build, check, serve, new, import-table)".into()
        }
        ErrorKind::ArgumentConflict => format!(
            "không dùng {} cùng với {}",
            text(ContextKind::InvalidArg)?,
            text(ContextKind::PriorArg)?
        ),
        _ => return None,
    })
}

/// The cause clap keeps for a value that failed its parser, as text.
fn cause_text(error: &clap::Error) -> Option<String> {
    let cause = std::error::Error::source(error)?.to_string();
    // The standard library's number parsers explain themselves in English.
    Some(match cause.as_str() {
        "invalid digit found in string" => "không phải một số nguyên dương".to_string(),
        "number too large to fit in target type" => "số quá lớn".to_string(),
        "cannot parse integer from empty string" => "chưa có số".to_string(),
        _ => match cause.split_once(" is not in ") {
            Some((_, range)) => format!("ngoài khoảng {range}"),
            None => cause,
        },
    })
}
