//! A deliberately tiny HTTP/1.1 server: one thread per connection, one request per connection.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::ExitCode;
use std::thread;
use std::time::Duration;

use crate::config::Config;

// The name is a literal of its own, escaped by the template (dotnet new -n), then joined at compile time.
const GREETING: &str = concat!("Hello from ", "SampleApp", ", a Rust app!");
/// Requests larger than this are cut off: the app only needs the request line.
const MAX_HEAD_BYTES: usize = 8 * 1024;
/// A client that sends nothing for this long loses its connection (and its thread).
const IO_TIMEOUT: Duration = Duration::from_secs(5);

pub fn serve(config: &Config) -> ExitCode {
    let address = SocketAddr::new(config.host, config.port);
    let listener = match TcpListener::bind(address) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("error: cannot listen on {address}: {error}; is another process using PORT={}?", config.port);
            return ExitCode::FAILURE;
        }
    };
    println!("listening on http://{address}");

    for connection in listener.incoming() {
        match connection {
            Ok(stream) => {
                thread::spawn(move || handle(stream));
            }
            Err(error) => eprintln!("warning: accept failed: {error}"),
        }
    }
    ExitCode::SUCCESS
}

fn handle(mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
    let Some(head) = read_head(&mut stream) else { return };
    let request_line = head.lines().next().unwrap_or_default();
    let (status, body) = route(request_line);
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(response.as_bytes());
}

/// Reads up to the blank line that ends the request head, so closing the socket afterwards
/// does not reset a connection with unread request bytes in it.
fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut buffer = [0u8; 1024];
    while !head.windows(4).any(|window| window == b"\r\n\r\n") && head.len() < MAX_HEAD_BYTES {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(count) => head.extend_from_slice(&buffer[..count]),
        }
    }
    (!head.is_empty()).then(|| String::from_utf8_lossy(&head).into_owned())
}

/// Maps a request line such as `GET /healthz HTTP/1.1` to a status line and a body.
fn route(request_line: &str) -> (&'static str, &'static str) {
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default();
    let target = parts.next().unwrap_or_default();
    let path = target.split('?').next().unwrap_or_default();
    match (method, path) {
        ("GET", "/") => ("200 OK", GREETING),
        ("GET", "/healthz") => ("200 OK", "ok"),
        ("GET", _) => ("404 Not Found", "not found"),
        _ => ("405 Method Not Allowed", "only GET is supported"),
    }
}

#[cfg(test)]
mod tests {
    use super::route;

    #[test]
    fn routes_answer_as_the_contract_says() {
        assert_eq!(route("GET / HTTP/1.1"), ("200 OK", super::GREETING));
        assert!(super::GREETING.ends_with(", a Rust app!"));
        assert_eq!(route("GET /healthz HTTP/1.1"), ("200 OK", "ok"));
        assert_eq!(route("GET /healthz?verbose HTTP/1.1").1, "ok");
        assert_eq!(route("GET /missing HTTP/1.1").0, "404 Not Found");
        assert_eq!(route("POST / HTTP/1.1").0, "405 Method Not Allowed");
        assert_eq!(route("").0, "405 Method Not Allowed");
    }
}
