//! A small web app on the Rust standard library only: `GET /` greets, `GET /healthz` answers `ok`.
//! Started with `--healthcheck` it probes a running instance instead, for Docker's HEALTHCHECK.

mod config;
mod healthcheck;
mod http;
mod shutdown;

use std::process::ExitCode;

fn main() -> ExitCode {
    // Bad settings stop the app at start: it never runs on a port nobody asked for.
    let config = match config::Config::from_env() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };

    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => {
            // As PID 1 in a container the process gets no default SIGTERM action: install one.
            shutdown::exit_on_stop_signals();
            http::serve(&config)
        }
        [flag] if flag == "--healthcheck" => healthcheck::run(&config),
        _ => {
            eprintln!("error: unknown arguments {args:?}; run with no arguments, or with --healthcheck");
            ExitCode::from(2)
        }
    }
}
