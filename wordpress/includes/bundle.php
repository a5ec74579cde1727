<?php
/**
 * What `cargo xtask wordpress` packed into this plugin: the build's content hash and the bundled checks.
 *
 * @package Checkwerk
 */

defined( 'ABSPATH' ) || exit;

/**
 * The build description written by `cargo xtask wordpress` into includes/bundled.php.
 *
 * @return array{build: string, checks: array<int, array{id: string, title: string, subtitle: string, standard: string, modules: int, items: int}>}
 */
function checkwerk_bundle() {
	static $bundle = null;
	if ( null === $bundle ) {
		$file   = CHECKWERK_DIR . 'includes/bundled.php';
		$bundle = is_readable( $file ) ? include $file : null;
		if ( ! is_array( $bundle ) || ! isset( $bundle['build'], $bundle['checks'] ) || ! is_array( $bundle['checks'] ) ) {
			// A copy of the sources rather than the built zip: no app, no checks.
			$bundle = array(
				'build'  => 'dev',
				'checks' => array(),
			);
		}
	}
	return $bundle;
}

/**
 * The bundled checks, in the order the app lists them.
 *
 * @return array<int, array{id: string, title: string, subtitle: string, standard: string, modules: int, items: int}>
 */
function checkwerk_checks() {
	return checkwerk_bundle()['checks'];
}

/**
 * A bundled check by its id, or null when this build has no such check.
 *
 * @param string $id The check's id, as in `[checkwerk check="umweltschutz"]`.
 * @return array{id: string, title: string, subtitle: string, standard: string, modules: int, items: int}|null
 */
function checkwerk_find_check( $id ) {
	foreach ( checkwerk_checks() as $check ) {
		if ( $check['id'] === $id ) {
			return $check;
		}
	}
	return null;
}

/**
 * The version string for the plugin's scripts and styles: changes with every build, so browsers fetch new files.
 *
 * @return string
 */
function checkwerk_asset_version() {
	return CHECKWERK_VERSION . '-' . checkwerk_bundle()['build'];
}

/**
 * The address of the app folder inside this plugin, with a trailing slash. Only WordPress knows it: the plugin
 * folder may sit below a sub-folder install or a renamed content or plugins folder.
 *
 * @return string
 */
function checkwerk_app_url() {
	return plugins_url( 'app/', CHECKWERK_FILE );
}

/**
 * Registers the widget's script and style; the shortcode and the block enqueue them where a widget is placed.
 */
function checkwerk_register_assets() {
	// embed.js of the app: adopts the frames written here and lets them follow their content's height.
	wp_register_script( 'checkwerk-embed', checkwerk_app_url() . 'embed.js', array(), checkwerk_asset_version(), true );
	wp_register_style( 'checkwerk-widget', plugins_url( 'assets/widget.css', CHECKWERK_FILE ), array(), checkwerk_asset_version() );
}
