<?php
/**
 * Sets up a throwaway WordPress for the browser tests as an administrator would, through WordPress' own functions
 * (no wp-cli): install, then upload the plugin's zip, activate it and write pages with the block and the shortcode;
 * at the end, uninstall it and check what is left. `cargo xtask` runs each step in its own PHP process.
 *
 * Usage: php setup.php <wordpress-dir> <site-url> install pretty|plain
 *        php setup.php <wordpress-dir> <site-url> plugin <checkwerk.zip> <pages.json>
 *        php setup.php <wordpress-dir> <site-url> uninstall <pages.json>
 *
 * @package Checkwerk
 */

if ( 'cli' !== PHP_SAPI || $argc < 4 ) {
	fwrite( STDERR, "usage: php setup.php <wordpress-dir> <site-url> install|plugin|uninstall …\n" );
	exit( 2 );
}

list( , $wordpress_dir, $site_url, $step ) = $argv;

/** Stops with a message on standard error. */
function checkwerk_setup_fail( $message ) {
	fwrite( STDERR, "setup.php: $message\n" );
	exit( 1 );
}

// WordPress reads the request from $_SERVER even on the command line.
$url                        = parse_url( $site_url );
$_SERVER['HTTP_HOST']       = $url['host'] . ( isset( $url['port'] ) ? ':' . $url['port'] : '' );
$_SERVER['SERVER_NAME']     = $url['host'];
$_SERVER['SERVER_PORT']     = isset( $url['port'] ) ? (string) $url['port'] : '80';
$_SERVER['REQUEST_URI']     = isset( $url['path'] ) ? $url['path'] : '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';

if ( 'install' === $step ) {
	define( 'WP_INSTALLING', true );
}
require rtrim( $wordpress_dir, '/' ) . '/wp-load.php';

if ( 'install' === $step ) {
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	// No mail server here; the mail that tells the administrator about the new site is not needed.
	add_filter( 'pre_wp_mail', '__return_false' );
	$installed = wp_install( 'Netzwerk Mittelstand Musterstadt', 'redaktion', 'redaktion@example.test', true, '', 'checkwerk-test', 'de_DE' );
	if ( empty( $installed['user_id'] ) ) {
		checkwerk_setup_fail( 'wp_install failed' );
	}
	if ( 'de_DE' !== get_option( 'WPLANG' ) ) {
		checkwerk_setup_fail( 'the German language files are missing from ' . WP_LANG_DIR );
	}
	// Pretty permalinks (/umweltschutz-check/) or WordPress' plain ones (/?page_id=5); WordPress writes its
	// rewrite rules anew on the next request.
	$pretty = isset( $argv[4] ) && 'pretty' === $argv[4];
	update_option( 'permalink_structure', $pretty ? '/%postname%/' : '' );
	delete_option( 'rewrite_rules' );
	// The block editor opens without its welcome guide, so a test meets the editor as a returning editor does.
	update_user_meta(
		$installed['user_id'],
		$GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences',
		array(
			'core/edit-post' => array( 'welcomeGuide' => false ),
			'_modified'      => gmdate( 'c' ),
		)
	);
	echo "WordPress installed at $site_url\n";
	exit( 0 );
}

require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/misc.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
$administrator = get_user_by( 'login', 'redaktion' );
if ( ! $administrator ) {
	checkwerk_setup_fail( 'no administrator; run the install step first' );
}
wp_set_current_user( $administrator->ID );

if ( 'plugin' === $step ) {
	if ( $argc < 6 ) {
		checkwerk_setup_fail( 'plugin needs <checkwerk.zip> <pages.json>' );
	}
	list( , , , , $zip, $pages_file ) = $argv;

	// What „Plugins → Installieren → Plugin hochladen“ does with the uploaded file.
	$skin     = new WP_Ajax_Upgrader_Skin();
	$upgrader = new Plugin_Upgrader( $skin );
	$result   = $upgrader->install( $zip );
	if ( true !== $result ) {
		$errors = is_wp_error( $result ) ? $result->get_error_messages() : $skin->get_error_messages();
		checkwerk_setup_fail( 'installing the zip failed: ' . implode( '; ', (array) $errors ) );
	}
	$plugin = $upgrader->plugin_info();
	if ( 'checkwerk/checkwerk.php' !== $plugin ) {
		checkwerk_setup_fail( "the zip installed as $plugin, not checkwerk/checkwerk.php" );
	}
	$activated = activate_plugin( $plugin );
	if ( is_wp_error( $activated ) ) {
		checkwerk_setup_fail( 'activation failed: ' . $activated->get_error_message() );
	}

	$pages = array(
		'block'     => array(
			'Umweltschutz-Check',
			"<!-- wp:paragraph -->\n<p>Wie steht Ihr Betrieb beim Umweltschutz da? Der Check zeigt es in einer Stunde je Baustein.</p>\n<!-- /wp:paragraph -->\n\n"
			. '<!-- wp:checkwerk/check {"check":"umweltschutz","accent":"#0a6e4f"} /-->',
		),
		'shortcode' => array(
			'Energie sparen',
			"Sparen Sie Energie? Prüfen Sie es hier.\n\n[checkwerk check=\"energie-sparen\" accent=\"#a4262c\" single=\"ja\"]",
		),
		'list'      => array( 'Alle Checks', "[checkwerk height=\"900\"]" ),
		'unknown'   => array(
			'Veralteter Check',
			"Hier stand früher ein Check.\n\n[checkwerk check=\"gibt-es-nicht\"]\n\n<!-- wp:checkwerk/check {\"check\":\"auch-nicht\"} /-->\n\nText danach.",
		),
		// Attributes an author might set, meaning well or not, through the block's settings (which reach the page
		// exactly as typed) and in a shortcode: each must reach the page as text or not at all.
		'hostile'   => array(
			'Sonderzeichen',
			<<<'CONTENT'
<!-- wp:checkwerk/check {"check":"umweltschutz","title":"\u0022\u003e\u003cscript\u003ewindow.checkwerkHacked=1\u003c/script\u003e","accent":"red;background:url(//elsewhere.example/x)","lang":"fr"} /-->

<!-- wp:shortcode -->
[checkwerk check="energie-sparen" title='" onload="window.checkwerkHacked=2' height="99 onload=alert(1)"]
<!-- /wp:shortcode -->
CONTENT
			,
		),
	);
	$urls = array();
	foreach ( $pages as $key => $page ) {
		$id = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => $page[0],
				// wp_insert_post() takes slashed data, as from a form.
				'post_content' => wp_slash( $page[1] ),
				'post_author'  => $administrator->ID,
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			checkwerk_setup_fail( "creating the page $key failed: " . $id->get_error_message() );
		}
		$urls[ $key ] = array(
			'id'  => $id,
			'url' => get_permalink( $id ),
		);
	}
	$description = array(
		'url'      => home_url( '/' ),
		'appUrl'   => plugins_url( 'app/', WP_PLUGIN_DIR . '/checkwerk/checkwerk.php' ),
		'loginUrl' => wp_login_url(),
		'adminUrl' => admin_url(),
		'user'     => 'redaktion',
		'password' => 'checkwerk-test',
		'pages'    => $urls,
	);
	file_put_contents( $pages_file, wp_json_encode( $description, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ) );
	echo "Checkwerk installed and activated at $site_url; pages in $pages_file\n";
	exit( 0 );
}

if ( 'uninstall' === $step ) {
	global $wpdb;
	$pages_file  = $argv[4];
	$description = json_decode( (string) file_get_contents( $pages_file ), true );
	$before      = array();
	foreach ( $description['pages'] as $key => $page ) {
		$before[ $key ] = get_post_field( 'post_content', $page['id'], 'raw' );
	}
	deactivate_plugins( 'checkwerk/checkwerk.php' );
	// What „Löschen“ on the plugins screen does: runs the plugin's uninstall routine, then removes its folder.
	$deleted = delete_plugins( array( 'checkwerk/checkwerk.php' ) );
	if ( true !== $deleted ) {
		checkwerk_setup_fail( 'deleting the plugin failed: ' . ( is_wp_error( $deleted ) ? $deleted->get_error_message() : 'unknown' ) );
	}
	$problems = array();
	if ( file_exists( WP_PLUGIN_DIR . '/checkwerk' ) ) {
		$problems[] = 'the plugin folder is still there';
	}
	// WordPress' own bookkeeping of recently deactivated plugins is WordPress' to keep.
	$left = $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE (option_name LIKE '%checkwerk%' OR option_value LIKE '%checkwerk%') AND option_name NOT IN ('recently_activated')" );
	foreach ( $left as $option ) {
		$problems[] = "option $option still mentions checkwerk";
	}
	$meta = $wpdb->get_col( "SELECT DISTINCT meta_key FROM {$wpdb->postmeta} WHERE meta_key LIKE '%checkwerk%' UNION SELECT DISTINCT meta_key FROM {$wpdb->usermeta} WHERE meta_key LIKE '%checkwerk%'" );
	foreach ( $meta as $key ) {
		$problems[] = "meta $key is left";
	}
	// The editors' content is theirs: pages keep their blocks and shortcodes.
	foreach ( $description['pages'] as $key => $page ) {
		if ( get_post_field( 'post_content', $page['id'], 'raw' ) !== $before[ $key ] ) {
			$problems[] = "the page $key changed";
		}
	}
	if ( $problems ) {
		checkwerk_setup_fail( "after uninstalling:\n  " . implode( "\n  ", $problems ) );
	}
	echo "Checkwerk uninstalled at $site_url: folder removed, nothing of it left in the database, pages unchanged\n";
	exit( 0 );
}

checkwerk_setup_fail( "unknown step $step" );
