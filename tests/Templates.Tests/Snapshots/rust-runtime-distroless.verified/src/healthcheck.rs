//! `server --healthcheck`: GET /healthz on the running server and exit 0 on `ok`, else 1.
//! Docker's exec-form HEALTHCHECK runs this, so the image needs neither a shell nor curl.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::ExitCode;
use std::time::Duration;

use crate::config::Config;

/// Well under the HEALTHCHECK --timeout, so the check reports its own error instead of being killed.
const TIMEOUT: Duration = Duration::from_secs(2);

pub fn run(config: &Config) -> ExitCode {
    let address = SocketAddr::new(config.probe_host(), config.port);
    match probe(address) {
        Ok(response) if is_ok(&response) => ExitCode::SUCCESS,
        Ok(response) => {
            let status = response.lines().next().unwrap_or("no response");
            eprintln!("unhealthy: http://{address}/healthz answered {status:?}, expected 200 and \"ok\"");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("unhealthy: http://{address}/healthz: {error}");
            ExitCode::FAILURE
        }
    }
}

fn probe(address: SocketAddr) -> std::io::Result<String> {
    let mut stream = TcpStream::connect_timeout(&address, TIMEOUT)?;
    stream.set_read_timeout(Some(TIMEOUT))?;
    stream.set_write_timeout(Some(TIMEOUT))?;
    write!(stream, "GET /healthz HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n")?;
    let mut response = String::new();
    stream.take(64 * 1024).read_to_string(&mut response)?;
    Ok(response)
}

fn is_ok(response: &str) -> bool {
    let status_ok = response.starts_with("HTTP/1.1 200 ") || response.starts_with("HTTP/1.0 200 ");
    status_ok && response.split_once("\r\n\r\n").is_some_and(|(_, body)| body.trim() == "ok")
}

#[cfg(test)]
mod tests {
    use super::is_ok;

    #[test]
    fn only_a_200_with_body_ok_is_healthy() {
        assert!(is_ok("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        assert!(!is_ok("HTTP/1.1 200 OK\r\n\r\nnot ok"));
        assert!(!is_ok("HTTP/1.1 500 Internal Server Error\r\n\r\nok"));
        assert!(!is_ok(""));
    }
}
