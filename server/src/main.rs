//! `payrules-server`: serves every registered DTO's API and the demo on 127.0.0.1:8080 (flags and env to change it).

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use payrules_server::{router, supported_culture, Config};

const USAGE: &str =
    "usage: payrules-server [--addr IP] [--port N] [--culture NAME] [--www DIR] [--pkg DIR] [--quiet]
  --addr IP   address to listen on (env PAYRULES_ADDR; default 127.0.0.1)
  --port N    port to listen on (env PAYRULES_PORT; default 8080; 0 picks a free one)
  --culture NAME        the ServiceStack APIs' messages' culture when a request names none the
                        server supports (?culture=, ?ui-culture=, the .AspNetCore.Culture cookie,
                        Accept-Language); env PAYRULES_CULTURE; default en (fr, de-CH, zh-Hans...)
  --www DIR   the demo page's folder (default www)
  --pkg DIR   the built npm package (default pkg)
  --quiet     no request log
  --max-connections N   connections served at once (default 1024)
  --header-timeout S    seconds for a request's head to arrive (default 10)
  --body-timeout S      seconds for a request's body to arrive (default 10; then 408)";

fn main() -> ExitCode {
    let options = match Options::parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("payrules-server: {e}");
            ExitCode::FAILURE
        }
    }
}

struct Options {
    addr: SocketAddr,
    config: Config,
}

impl Options {
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
        let mut ip: IpAddr = env_or("PAYRULES_ADDR", "127.0.0.1")
            .parse()
            .map_err(|e| format!("PAYRULES_ADDR: {e}"))?;
        let mut port: u16 = env_or("PAYRULES_PORT", "8080")
            .parse()
            .map_err(|e| format!("PAYRULES_PORT: {e}"))?;
        let mut config = Config {
            log_requests: true,
            ..Config::default()
        };
        if let Ok(name) = std::env::var("PAYRULES_CULTURE") {
            config.culture = culture(&name, "PAYRULES_CULTURE")?;
        }
        let seconds = |value: String, flag: &str| {
            value
                .parse::<u64>()
                .map(Duration::from_secs)
                .map_err(|e| format!("{flag}: {e}"))
        };
        while let Some(flag) = args.next() {
            let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
            match flag.as_str() {
                "--addr" => ip = value()?.parse().map_err(|e| format!("--addr: {e}"))?,
                "--port" => port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
                "--www" => config.www = PathBuf::from(value()?),
                "--pkg" => config.pkg = PathBuf::from(value()?),
                "--culture" => config.culture = culture(&value()?, "--culture")?,
                "--quiet" => config.log_requests = false,
                "--max-connections" => {
                    config.limits.max_connections = value()?
                        .parse()
                        .map_err(|e| format!("--max-connections: {e}"))?
                }
                "--header-timeout" => {
                    config.limits.header_timeout = seconds(value()?, "--header-timeout")?
                }
                "--body-timeout" => {
                    config.limits.body_timeout = seconds(value()?, "--body-timeout")?
                }
                "-h" | "--help" => {
                    return Err("payrules-server: the payrules reference server".to_owned())
                }
                other => return Err(format!("unknown argument {other:?}")),
            }
        }
        Ok(Options {
            addr: SocketAddr::new(ip, port),
            config,
        })
    }
}

/// `name` as the server's default culture, if the server supports it.
fn culture(name: &str, flag: &str) -> Result<String, String> {
    supported_culture(name).ok_or_else(|| {
        format!("{flag}: {name:?} is not a culture FluentValidation has a language for (docs/languages.md lists them)")
    })
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

async fn serve(options: Options) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(options.addr).await?;
    let addr = listener.local_addr()?;
    println!(
        "payrules-server listening on http://{addr}/ (www: {}, pkg: {}, culture: {})",
        options.config.www.display(),
        options.config.pkg.display(),
        options.config.culture
    );
    let limits = options.config.limits;
    payrules_server::serve(listener, router(&options.config), limits, shutdown()).await?;
    println!("payrules-server stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM; in-flight requests then finish before the server stops.
async fn shutdown() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, String> {
        Options::parse(args.iter().map(|a| (*a).to_owned()))
    }

    #[test]
    fn the_culture_flag_takes_a_supported_culture() {
        let culture = |args: &[&str]| parse(args).map(|o| o.config.culture);
        if std::env::var_os("PAYRULES_CULTURE").is_none() {
            assert_eq!(culture(&[]).as_deref(), Ok("en"));
        }
        assert_eq!(culture(&["--culture", "FR_ca"]).as_deref(), Ok("fr-CA"));
        assert_eq!(culture(&["--culture", "zh-CN"]).as_deref(), Ok("zh-CN"));
        for bad in [
            &["--culture", "xx"][..],
            &["--culture", "zh"],
            &["--culture"],
        ] {
            assert!(culture(bad).is_err(), "{bad:?}");
        }
    }
}
