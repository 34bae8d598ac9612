//! A small site on the standard library: pages come from static/ at run time, so an edit to the
//! HTML needs no rebuild. The port comes from HTTP_PORT, as the hosting platform names it.
use std::env;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};

const NOT_FOUND: &str = include_str!("not_found.html");

fn main() {
    let port: u16 = env::var("HTTP_PORT")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(8090);
    let listener = TcpListener::bind(("0.0.0.0", port)).expect("cannot listen");
    println!("brochure on port {port}");
    for stream in listener.incoming().flatten() {
        serve(stream);
    }
}

fn serve(mut stream: TcpStream) {
    let mut request_line = String::new();
    if BufReader::new(&stream).read_line(&mut request_line).is_err() {
        return;
    }
    let page = match request_line.split_whitespace().nth(1).unwrap_or("/") {
        "/" => fs::read_to_string("static/index.html").map(|html| ("text/html", html)),
        "/style.css" => fs::read_to_string("static/style.css").map(|css| ("text/css", css)),
        _ => Err(std::io::Error::from(std::io::ErrorKind::NotFound)),
    };
    let (status, kind, body) = match page {
        Ok((kind, body)) => ("200 OK", kind, body),
        Err(_) => ("404 Not Found", "text/html", NOT_FOUND.to_string()),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\ncontent-type: {kind}; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
}
