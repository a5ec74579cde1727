//! A throwaway WordPress for the plugin's browser tests, set up unattended in `target/wordpress-site/`: Debian's
//! WordPress files copied twice (once at the site's root, once in a sub-folder with renamed content and plugin
//! folders), a private MariaDB on a socket in that folder, WordPress installed and the plugin's zip installed and
//! activated by WordPress' own functions (`tests/wordpress/setup.php`), and each site served by PHP's built-in
//! server through a router that behaves like the usual nginx configuration (`tests/wordpress/router.php`).
//!
//! Every process started here runs on a lifeline (see `Lifeline`) and ends when the `Sites` value is dropped, or
//! when xtask itself ends in any way.

use std::io::Read;
use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::tools::{command, run, workspace_root};

/// Debian's WordPress files.
const DEBIAN_WORDPRESS: &str = "/usr/share/wordpress";
/// The database user WordPress connects as.
const DATABASE_USER: &str = "wordpress";
/// How long a server may take to accept connections.
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// A Unix socket's path must fit into 108 bytes, its terminating zero included.
const SOCKET_PATH_LIMIT: usize = 100;

/// One WordPress of the test.
pub struct Site {
    /// Its name in messages, file names and the description for the tests.
    name: &'static str,
    /// Its address, with a trailing slash: `http://127.0.0.1:8202/` or `http://127.0.0.1:8203/netzwerk/wp/`.
    pub url: String,
    port: u16,
    /// The path WordPress lives under on its host.
    path: &'static str,
    /// Content and plugin folders when renamed (WP_CONTENT_DIR, WP_PLUGIN_DIR); None keeps wp-content/plugins.
    renamed: Option<(&'static str, &'static str)>,
    /// Pretty permalinks (`/umweltschutz-check/`) or WordPress' plain ones (`/?page_id=5`).
    pretty_permalinks: bool,
    /// The document root PHP's server serves.
    document_root: PathBuf,
    /// WordPress' own folder below the document root.
    wordpress_dir: PathBuf,
    /// The description `setup.php` writes: addresses of the site, the app folder and the test pages.
    pages_file: PathBuf,
    /// WordPress' debug log.
    debug_log: PathBuf,
}

impl Site {
    fn new(folder: &Path, name: &'static str, port: u16, path: &'static str) -> Self {
        let document_root = folder.join(name);
        let wordpress_dir = document_root.join(path.trim_matches('/'));
        Site {
            name,
            url: format!("http://127.0.0.1:{port}{path}"),
            port,
            path,
            renamed: None,
            pretty_permalinks: true,
            pages_file: folder.join(format!("{name}-pages.json")),
            debug_log: folder.join(format!("logs/{name}-debug.log")),
            document_root,
            wordpress_dir,
        }
    }

    /// WordPress' configuration for this site: the private database, fixed addresses, a debug log, no
    /// requests to other hosts and no background jobs.
    fn config(&self, socket: &Path) -> String {
        let origin = format!("http://127.0.0.1:{}", self.port);
        let base = format!("{origin}{}", self.path.trim_end_matches('/'));
        let mut config = format!(
            "<?php\n// Written by `cargo xtask` for the WordPress plugin's browser tests: a throwaway site.\n\
             define( 'DB_NAME', 'wp_{name}' );\ndefine( 'DB_USER', '{DATABASE_USER}' );\n\
             define( 'DB_PASSWORD', '{DATABASE_USER}' );\ndefine( 'DB_HOST', 'localhost:{socket}' );\n\
             define( 'DB_CHARSET', 'utf8mb4' );\ndefine( 'DB_COLLATE', '' );\n\
             define( 'WP_HOME', '{base}' );\ndefine( 'WP_SITEURL', '{base}' );\n",
            name = self.name,
            socket = socket.display(),
        );
        for key in [
            "AUTH_KEY",
            "SECURE_AUTH_KEY",
            "LOGGED_IN_KEY",
            "NONCE_KEY",
            "AUTH_SALT",
            "SECURE_AUTH_SALT",
            "LOGGED_IN_SALT",
            "NONCE_SALT",
        ] {
            config.push_str(&format!(
                "define( '{key}', 'checkwerk-test-{key}-{}' );\n",
                self.name
            ));
        }
        if let Some((content, plugins)) = self.renamed {
            config.push_str(&format!(
                "define( 'WP_CONTENT_DIR', __DIR__ . '/{content}' );\n\
                 define( 'WP_CONTENT_URL', '{base}/{content}' );\n\
                 define( 'WP_PLUGIN_DIR', WP_CONTENT_DIR . '/{plugins}' );\n\
                 define( 'WP_PLUGIN_URL', WP_CONTENT_URL . '/{plugins}' );\n"
            ));
        }
        config.push_str(&format!(
            "define( 'WP_DEBUG', true );\ndefine( 'WP_DEBUG_DISPLAY', false );\n\
             define( 'WP_DEBUG_LOG', '{log}' );\n\
             define( 'FS_METHOD', 'direct' );\n\
             define( 'DISABLE_WP_CRON', true );\n\
             define( 'AUTOMATIC_UPDATER_DISABLED', true );\n\
             define( 'WP_AUTO_UPDATE_CORE', false );\n\
             // No internet here: requests to wordpress.org would wait for their time-out on every admin page.\n\
             define( 'WP_HTTP_BLOCK_EXTERNAL', true );\n\
             $table_prefix = 'wp_';\n\
             if ( ! defined( 'ABSPATH' ) ) {{\n\tdefine( 'ABSPATH', __DIR__ . '/' );\n}}\n\
             require_once ABSPATH . 'wp-settings.php';\n",
            log = self.debug_log.display(),
        ));
        config
    }

    /// Copies Debian's WordPress into the site's folder (German translations only), renames the content and
    /// plugin folders where asked, and writes the configuration.
    fn lay_out(&self, socket: &Path) -> Result<()> {
        copy_wordpress(
            Path::new(DEBIAN_WORDPRESS),
            &self.wordpress_dir,
            Path::new(""),
        )?;
        if let Some((content, plugins)) = self.renamed {
            let content_dir = self.wordpress_dir.join(content);
            std::fs::rename(self.wordpress_dir.join("wp-content"), &content_dir)?;
            std::fs::rename(content_dir.join("plugins"), content_dir.join(plugins))?;
        }
        std::fs::write(
            self.wordpress_dir.join("wp-config.php"),
            self.config(socket),
        )?;
        Ok(())
    }

    /// Runs one step of `tests/wordpress/setup.php` for this site.
    fn setup(&self, step: &[&str]) -> Result<()> {
        run(command("php")
            .arg(workspace_root().join("tests/wordpress/setup.php"))
            .arg(&self.wordpress_dir)
            .arg(&self.url)
            .args(step))
        .with_context(|| format!("setting up the WordPress {}", self.name))
    }
}

/// Copies a folder, following symbolic links (Debian links some of WordPress' files to shared packages), without
/// Debian's configuration (wp-config.php, .htaccess) and without translations other than German.
fn copy_wordpress(from: &Path, to: &Path, relative: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let name = entry.file_name();
        let name_text = name.to_string_lossy();
        let inside = relative.join(&name);
        let skipped = (relative.as_os_str().is_empty()
            && (name_text == "wp-config.php" || name_text == ".htaccess"))
            || (relative == Path::new("wp-content/languages") && !name_text.contains("de_DE"));
        if skipped {
            continue;
        }
        let source = entry.path();
        let target = to.join(&name);
        if source.is_dir() {
            copy_wordpress(&source, &target, &inside)?;
        } else {
            std::fs::copy(&source, &target)
                .with_context(|| format!("copying {}", source.display()))?;
        }
    }
    Ok(())
}

/// A process that ends when this value is dropped, or when xtask ends in any other way (even by a signal).
///
/// It runs under a small shell in a process group of its own: the shell starts it, waits for its own standard input
/// (a pipe from xtask) to close, then sends TERM to the whole group, so PHP's server workers and MariaDB end with
/// it, and waits for the process. The pipe closes when this value drops or xtask's process goes away.
struct Lifeline {
    name: String,
    shell: Child,
    log: PathBuf,
}

impl Lifeline {
    fn start(
        name: &str,
        program: &str,
        args: &[String],
        env: &[(&str, String)],
        log: &Path,
    ) -> Result<Self> {
        let log_file = std::fs::File::create(log)?;
        let mut shell = Command::new("sh");
        shell
            .arg("-c")
            .arg(r#""$@" </dev/null & child=$!; trap '' TERM; read -r _; kill -TERM 0; wait "$child""#)
            .arg("lifeline")
            .arg(program)
            .args(args)
            .envs(env.iter().map(|(key, value)| (*key, value.as_str())))
            .current_dir(workspace_root())
            .stdin(Stdio::piped())
            .stdout(Stdio::from(log_file.try_clone()?))
            .stderr(Stdio::from(log_file))
            .process_group(0);
        let shell = shell.spawn().with_context(|| format!("starting {name}"))?;
        Ok(Lifeline {
            name: name.to_owned(),
            shell,
            log: log.to_path_buf(),
        })
    }

    /// Fails with the end of the process' log when it has already ended.
    fn check_running(&mut self) -> Result<()> {
        if let Some(status) = self.shell.try_wait()? {
            bail!(
                "{} ended ({status}) while starting; its log ({}) ends with:\n{}",
                self.name,
                self.log.display(),
                log_tail(&self.log)
            );
        }
        Ok(())
    }
}

impl Drop for Lifeline {
    fn drop(&mut self) {
        drop(self.shell.stdin.take());
        let _ = self.shell.wait();
    }
}

/// The last lines of a log file.
fn log_tail(log: &Path) -> String {
    let mut text = String::new();
    let _ = std::fs::File::open(log).and_then(|mut file| file.read_to_string(&mut text));
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(20)..].join("\n")
}

/// Waits until `ready` holds, failing when the process ends or the time runs out.
fn wait_until(process: &mut Lifeline, mut ready: impl FnMut() -> bool) -> Result<()> {
    let started = Instant::now();
    while !ready() {
        process.check_running()?;
        if started.elapsed() > START_TIMEOUT {
            bail!(
                "{} did not become ready within {START_TIMEOUT:?}; its log ({}) ends with:\n{}",
                process.name,
                process.log.display(),
                log_tail(&process.log)
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

/// The two WordPress sites of the test and the processes that serve them; dropping it stops them all.
pub struct Sites {
    /// WordPress at the host's root, pretty permalinks.
    pub root: Site,
    /// WordPress in a sub-folder with renamed content and plugin folders, plain permalinks.
    pub subfolder: Site,
    /// The file that tells the browser tests where everything is.
    pub description: PathBuf,
    // Declared last: dropped after the fields above, in order (the web servers before the database).
    servers: Vec<Lifeline>,
    _database: Lifeline,
}

impl Sites {
    /// Sets up both sites from scratch with the plugin's zip and starts serving them on `test_port` + 1 and + 2.
    pub fn start(test_port: u16, zip: &Path) -> Result<Self> {
        let folder = workspace_root().join("target/wordpress-site");
        if folder.exists() {
            std::fs::remove_dir_all(&folder)
                .with_context(|| format!("removing {}", folder.display()))?;
        }
        std::fs::create_dir_all(folder.join("logs"))?;
        let socket = folder.join("db.sock");
        if socket.as_os_str().len() > SOCKET_PATH_LIMIT {
            bail!(
                "the database socket's path {} is too long for a Unix socket; use a checkout with a shorter path",
                socket.display()
            );
        }

        let database = start_database(&folder, &socket)?;

        let root = Site::new(&folder, "root", test_port + 1, "/");
        let mut subfolder = Site::new(&folder, "subfolder", test_port + 2, "/netzwerk/wp/");
        subfolder.renamed = Some(("inhalte", "erweiterungen"));
        subfolder.pretty_permalinks = false;

        let mut servers = Vec::new();
        for site in [&root, &subfolder] {
            site.lay_out(&socket)?;
            let permalinks = if site.pretty_permalinks {
                "pretty"
            } else {
                "plain"
            };
            site.setup(&["install", permalinks])?;
            let zip = zip.display().to_string();
            let pages = site.pages_file.display().to_string();
            site.setup(&["plugin", &zip, &pages])?;
            servers.push(start_web_server(site, &folder)?);
        }

        let description = folder.join("sites.json");
        std::fs::write(
            &description,
            format!(
                "{{\"root\": {}, \"subfolder\": {}}}\n",
                std::fs::read_to_string(&root.pages_file)?,
                std::fs::read_to_string(&subfolder.pages_file)?
            ),
        )?;
        Ok(Sites {
            root,
            subfolder,
            description,
            servers,
            _database: database,
        })
    }

    /// Uninstalls the plugin from the root site the way WordPress' plugin screen does, and fails when anything of
    /// it is left or anything else was removed (`setup.php uninstall`).
    pub fn uninstall_and_check(&self) -> Result<()> {
        let pages = self.root.pages_file.display().to_string();
        self.root.setup(&["uninstall", &pages])
    }

    /// Fails when WordPress logged a PHP error, warning or notice from the plugin's code.
    pub fn check_logs(&self) -> Result<()> {
        let mut found = Vec::new();
        for site in [&self.root, &self.subfolder] {
            let log = std::fs::read_to_string(&site.debug_log).unwrap_or_default();
            found.extend(
                log.lines()
                    .filter(|line| line.contains("/checkwerk/"))
                    .map(|line| format!("{}: {line}", site.name)),
            );
        }
        if !found.is_empty() {
            bail!("PHP reported problems in the plugin:\n{}", found.join("\n"));
        }
        Ok(())
    }
}

impl Drop for Sites {
    fn drop(&mut self) {
        // The web servers first, so no request meets a database that is shutting down.
        self.servers.clear();
    }
}

/// A fresh MariaDB data folder, its server on a socket in the folder (no network), and the two databases.
fn start_database(folder: &Path, socket: &Path) -> Result<Lifeline> {
    let data = folder.join("db");
    let install_log = folder.join("logs/mariadb-install.log");
    let installed = command("mariadb-install-db")
        .arg("--no-defaults")
        .arg(format!("--datadir={}", data.display()))
        .args([
            "--user=root",
            "--auth-root-authentication-method=socket",
            "--skip-test-db",
        ])
        .stdout(Stdio::from(std::fs::File::create(&install_log)?))
        .stderr(Stdio::from(std::fs::File::create(
            folder.join("logs/mariadb-install.err"),
        )?))
        .status()
        .context("running mariadb-install-db")?;
    if !installed.success() {
        bail!(
            "mariadb-install-db failed ({installed}); see {}",
            install_log.display()
        );
    }
    let mut database = Lifeline::start(
        "MariaDB",
        "mariadbd",
        &[
            "--no-defaults".to_owned(),
            format!("--datadir={}", data.display()),
            format!("--socket={}", socket.display()),
            format!("--pid-file={}", folder.join("db.pid").display()),
            "--skip-networking".to_owned(),
            "--user=root".to_owned(),
            "--innodb-buffer-pool-size=64M".to_owned(),
            "--skip-log-bin".to_owned(),
        ],
        &[],
        &folder.join("logs/mariadb.log"),
    )?;
    wait_until(&mut database, || {
        std::os::unix::net::UnixStream::connect(socket).is_ok()
    })?;
    run(command("mariadb")
        .arg("--no-defaults")
        .arg(format!("--socket={}", socket.display()))
        .args(["--user=root", "--execute"])
        .arg(format!(
            "CREATE DATABASE wp_root; CREATE DATABASE wp_subfolder; \
             CREATE USER '{DATABASE_USER}'@'localhost' IDENTIFIED BY '{DATABASE_USER}'; \
             GRANT ALL ON wp_root.* TO '{DATABASE_USER}'@'localhost'; \
             GRANT ALL ON wp_subfolder.* TO '{DATABASE_USER}'@'localhost';"
        )))
    .context("creating the test databases")?;
    Ok(database)
}

/// PHP's built-in server for a site, with a few workers, so the browser's parallel requests are served in parallel.
fn start_web_server(site: &Site, folder: &Path) -> Result<Lifeline> {
    let address = format!("127.0.0.1:{}", site.port);
    if TcpStream::connect(&address).is_ok() {
        bail!(
            "port {} is taken by another program; set CHECKWERK_TEST_PORT so that it and the next two are free",
            site.port
        );
    }
    let mut server = Lifeline::start(
        &format!("PHP's server for the WordPress {}", site.name),
        "php",
        &[
            "-S".to_owned(),
            format!("127.0.0.1:{}", site.port),
            "-t".to_owned(),
            site.document_root.display().to_string(),
            workspace_root()
                .join("tests/wordpress/router.php")
                .display()
                .to_string(),
        ],
        &[
            ("PHP_CLI_SERVER_WORKERS", "4".to_owned()),
            ("CHECKWERK_WP_PATH", site.path.to_owned()),
        ],
        &folder.join(format!("logs/{}-server.log", site.name)),
    )?;
    wait_until(&mut server, || TcpStream::connect(&address).is_ok())?;
    Ok(server)
}
