//! Settings from the environment: PORT and HOST, checked once at start.

use std::env;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// The port used when PORT is not set. The template's --port option sets it.
pub const DEFAULT_PORT: &str = "8080";
/// Listen on every interface by default: inside a container, 127.0.0.1 is unreachable from outside.
const DEFAULT_HOST: &str = "0.0.0.0";

#[derive(Debug, PartialEq)]
pub struct Config {
    pub host: IpAddr,
    pub port: u16,
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        Config::from_values(env::var("HOST").ok().as_deref(), env::var("PORT").ok().as_deref())
    }

    /// The input contract (CONTRIBUTING.md): PORT, then HOST; unset and empty mean the default.
    fn from_values(host: Option<&str>, port: Option<&str>) -> Result<Config, String> {
        Ok(Config {
            port: port_setting(port.unwrap_or_default())?,
            host: host_setting(host.unwrap_or_default())?,
        })
    }

    /// The address a health check connects to: a wildcard bind address is reached on loopback.
    pub fn probe_host(&self) -> IpAddr {
        match self.host {
            IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
            ip => ip,
        }
    }
}

/// ASCII digits with no sign, spaces or leading zero, 1-65535 (`str::parse::<u16>` alone would
/// take "+80" and "0080").
fn parse_port(text: &str) -> Option<u16> {
    let digits_only = !text.is_empty() && text.len() <= 5 && text.bytes().all(|b| b.is_ascii_digit());
    if !digits_only || text.starts_with('0') {
        return None;
    }
    text.parse::<u16>().ok()
}

fn port_setting(text: &str) -> Result<u16, String> {
    if let Some(port) = parse_port(text) {
        return Ok(port);
    }
    // Unset, empty or the image's own ENV PORT: the value came from the template, not the user.
    if text.is_empty() || text == DEFAULT_PORT {
        return parse_port(DEFAULT_PORT).ok_or_else(|| {
            format!(
                "the template's default port {DEFAULT_PORT} (dotnet new --port) is not a valid port: \
                 set PORT to a whole number from 1 to 65535, or create the project again with --port in that range"
            )
        });
    }
    Err(format!(
        "PORT=\"{text}\" is not a valid port: set PORT to a whole number from 1 to 65535 \
         (no sign, no leading zero), or unset it to use {DEFAULT_PORT}"
    ))
}

// An IP address only, not a host name: a static binary on scratch has no resolver configuration.
fn host_setting(text: &str) -> Result<IpAddr, String> {
    if text.is_empty() {
        return Ok(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    }
    text.parse::<IpAddr>().map_err(|_| {
        format!(
            "HOST=\"{text}\" is not an IP address: set HOST to the address to listen on, \
             such as 0.0.0.0 (every interface), :: (every IPv6 interface) or 127.0.0.1 (this machine only), \
             or unset it to use {DEFAULT_HOST}"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply_when_unset() {
        let config = Config::from_values(None, None).unwrap();
        assert_eq!(config.host, IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        assert_eq!(config.port.to_string(), DEFAULT_PORT);
    }

    #[test]
    fn ports_outside_1_to_65535_are_refused_with_the_value_named() {
        for bad in ["0", "65536", "70000", "4294967296", "-1", "+80", "080", "abc", " 80"] {
            let error = Config::from_values(None, Some(bad)).unwrap_err();
            assert!(error.starts_with(&format!("PORT=\"{bad}\" is not a valid port")), "{error}");
        }
        assert_eq!(Config::from_values(Some(""), Some("")).unwrap(), Config::from_values(None, None).unwrap());
        assert_eq!(Config::from_values(None, Some("65535")).unwrap().port, 65535);
        assert_eq!(Config::from_values(None, Some("1")).unwrap().port, 1);
    }

    #[test]
    fn host_names_are_refused_and_wildcards_probe_loopback() {
        assert!(Config::from_values(Some("localhost"), None).unwrap_err().starts_with("HOST=\"localhost\" is not an IP address"));
        let v6 = Config::from_values(Some("::"), Some("1")).unwrap();
        assert_eq!(v6.probe_host(), IpAddr::V6(Ipv6Addr::LOCALHOST));
        let local = Config::from_values(Some("127.0.0.2"), Some("1")).unwrap();
        assert_eq!(local.probe_host(), "127.0.0.2".parse::<IpAddr>().unwrap());
    }
}
