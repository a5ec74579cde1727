<?php
/**
 * Plugin Name:       Checkwerk
 * Description:       Selbst-Checks für den Mittelstand auf Ihrer eigenen Website, als Block „Checkwerk-Check“ oder mit dem Shortcode [checkwerk]. Die Antworten bleiben im Browser der Besucher; nichts wird übertragen.
 * Version:           __CHECKWERK_VERSION__
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       checkwerk
 *
 * @package Checkwerk
 */

// The plugin carries Checkwerk's release site in app/ and places it into pages as an iframe served from this
// plugin's own folder: first-party, no other host involved. PHP only writes markup; the checks run in the browser.

defined( 'ABSPATH' ) || exit;

define( 'CHECKWERK_FILE', __FILE__ );
define( 'CHECKWERK_DIR', __DIR__ . '/' );
define( 'CHECKWERK_VERSION', '__CHECKWERK_VERSION__' );

require_once CHECKWERK_DIR . 'includes/wording.php';
require_once CHECKWERK_DIR . 'includes/bundle.php';
require_once CHECKWERK_DIR . 'includes/widget.php';
require_once CHECKWERK_DIR . 'includes/shortcode.php';
require_once CHECKWERK_DIR . 'includes/block.php';
require_once CHECKWERK_DIR . 'includes/app-routes.php';

add_action( 'init', 'checkwerk_register_assets' );
add_action( 'init', 'checkwerk_register_shortcode' );
add_action( 'init', 'checkwerk_register_block' );
add_filter( 'do_parse_request', 'checkwerk_serve_app_route', 1 );
