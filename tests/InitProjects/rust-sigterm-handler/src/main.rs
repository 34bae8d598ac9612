//! A metrics sink that stops cleanly on SIGTERM: the handler is installed through libc's
//! signal(), declared here so the crate needs nothing beyond the standard library.
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};

mod shutdown;

fn main() {
    shutdown::exit_on_sigterm();
    let port = std::env::var("APP_PORT").unwrap_or_else(|_| String::from("8096"));
    let listener = TcpListener::bind(format!("0.0.0.0:{port}")).expect("cannot listen");
    println!("metrics-sink on {port}");
    for stream in listener.incoming().flatten() {
        reply(stream);
    }
}

fn reply(mut stream: TcpStream) {
    let mut line = String::new();
    if BufReader::new(&stream).read_line(&mut line).is_err() {
        return;
    }
    let body = match line.split_whitespace().nth(1) {
        Some("/health") => "healthy\n",
        _ => "metrics-sink: 0 samples buffered\n",
    };
    let _ = write!(
        stream,
        "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
}
