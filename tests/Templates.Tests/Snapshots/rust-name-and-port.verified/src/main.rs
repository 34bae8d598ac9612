//! A small web app on the Rust standard library only: `GET /` greets, `GET /healthz` answers `ok`.
//! Started with `--healthcheck` it probes a running instance instead, for Docker's HEALTHCHECK.

mod config;
mod healthcheck;
mod http;
mod shutdown;

use std::process::ExitCode;

fn main() -> ExitCode {
    // The input contract (CONTRIBUTING.md): arguments first, then PORT and HOST. Bad settings stop
    // the app at start: it never runs on a port nobody asked for.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let healthcheck_mode = matches!(args.as_slice(), [flag] if flag == "--healthcheck");
    if !args.is_empty() && !healthcheck_mode {
        eprintln!(
            "error: unknown arguments: {}: run with no arguments to serve, or with --healthcheck to probe a running server",
            args.join(" ")
        );
        return ExitCode::from(2);
    }
    let config = match config::Config::from_env() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };

    if healthcheck_mode {
        return healthcheck::run(&config);
    }
    // As PID 1 in a container the process gets no default SIGTERM action: install one.
    shutdown::exit_on_stop_signals();
    http::serve(&config)
}
