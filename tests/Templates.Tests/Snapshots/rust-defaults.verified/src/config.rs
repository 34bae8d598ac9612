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

    fn from_values(host: Option<&str>, port: Option<&str>) -> Result<Config, String> {
        Ok(Config {
            host: parse_host(host.unwrap_or(DEFAULT_HOST))?,
            port: parse_port(port.unwrap_or(DEFAULT_PORT))?,
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

fn parse_port(text: &str) -> Result<u16, String> {
    match text.parse::<u16>() {
        Ok(port) if port != 0 => Ok(port),
        _ => Err(format!(
            "PORT={text:?} is not a usable port; set PORT to a whole number from 1 to 65535 \
             (or leave it unset for {DEFAULT_PORT})"
        )),
    }
}

// An IP address only, not a host name: a static binary on scratch has no resolver configuration.
fn parse_host(text: &str) -> Result<IpAddr, String> {
    text.parse::<IpAddr>().map_err(|_| {
        format!(
            "HOST={text:?} is not an IP address; set HOST to the address to listen on, \
             such as 0.0.0.0 (every interface) or 127.0.0.1 (this machine only)"
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
        for bad in ["0", "65536", "70000", "-1", "abc", "", " 80"] {
            let error = Config::from_values(None, Some(bad)).unwrap_err();
            assert!(error.contains(&format!("PORT={bad:?}")), "{error}");
        }
        assert_eq!(Config::from_values(None, Some("65535")).unwrap().port, 65535);
        assert_eq!(Config::from_values(None, Some("1")).unwrap().port, 1);
    }

    #[test]
    fn host_names_are_refused_and_wildcards_probe_loopback() {
        assert!(Config::from_values(Some("localhost"), None).unwrap_err().contains("HOST=\"localhost\""));
        let v6 = Config::from_values(Some("::"), Some("1")).unwrap();
        assert_eq!(v6.probe_host(), IpAddr::V6(Ipv6Addr::LOCALHOST));
        let local = Config::from_values(Some("127.0.0.2"), Some("1")).unwrap();
        assert_eq!(local.probe_host(), "127.0.0.2".parse::<IpAddr>().unwrap());
    }
}
