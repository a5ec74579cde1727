<?php
/**
 * Reloads inside the frame. The app changes the frame's address to its routes (…/app/check/umweltschutz/ergebnisse),
 * which are no files. After the first visit the app's service worker answers them; before, a request for such an
 * address reaches WordPress wherever the server hands unknown paths to index.php (pretty permalinks on Apache, the
 * usual nginx configuration), and this answers it with the app instead of WordPress' 404 page.
 *
 * @package Checkwerk
 */

defined( 'ABSPATH' ) || exit;

/**
 * The part of the app's Content-Security-Policy a page cannot set for itself: only this site may frame it. The rest
 * (no other host, no inline script) is in the page's own meta tag, written by `cargo xtask wordpress`, so it holds
 * wherever the page comes from.
 */
const CHECKWERK_FRAME_ANCESTORS = "frame-ancestors 'self'";

/**
 * The route below the app folder that a request path asks for, or null when the path is not an app route: outside
 * the folder, or naming a file (its last segment has a dot), which stays a 404 when it is missing.
 *
 * @param string $request_path The request's path, decoded.
 * @param string $app_path     The app folder's path, with a trailing slash.
 * @return string|null
 */
function checkwerk_app_route_of( $request_path, $app_path ) {
	if ( '' === $app_path || 0 !== strpos( $request_path, $app_path ) ) {
		return null;
	}
	$route    = substr( $request_path, strlen( $app_path ) );
	$segments = explode( '/', $route );
	if ( false !== strpos( (string) end( $segments ), '.' ) || in_array( '..', $segments, true ) ) {
		return null;
	}
	return '/' . $route;
}

/**
 * Answers a request for an app route with the app, before WordPress parses it.
 *
 * @param bool $parse Whether WordPress should go on parsing the request.
 * @return bool
 */
function checkwerk_serve_app_route( $parse ) {
	$method = isset( $_SERVER['REQUEST_METHOD'] ) ? strtoupper( sanitize_text_field( wp_unslash( $_SERVER['REQUEST_METHOD'] ) ) ) : 'GET';
	if ( ! $parse || ( 'GET' !== $method && 'HEAD' !== $method ) || ! isset( $_SERVER['REQUEST_URI'] ) ) {
		return $parse;
	}
	// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only compared, never output.
	$request_path = wp_parse_url( wp_unslash( $_SERVER['REQUEST_URI'] ), PHP_URL_PATH );
	$app_path     = wp_parse_url( checkwerk_app_url(), PHP_URL_PATH );
	if ( ! is_string( $request_path ) || ! is_string( $app_path ) ) {
		return $parse;
	}
	if ( null === checkwerk_app_route_of( rawurldecode( $request_path ), $app_path ) ) {
		return $parse;
	}
	$shell = file_get_contents( CHECKWERK_DIR . 'app/index.html' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
	if ( false === $shell ) {
		return $parse;
	}
	// The app's page names its folder relatively (`<base href="./">`), which is right only at app/index.html; at a
	// route's address the folder must be named in full, or every file would be looked for below the route.
	$shell = str_replace( '<base href="./">', '<base href="' . esc_attr( $app_path ) . '">', $shell );

	status_header( 200 );
	header( 'Content-Type: text/html; charset=utf-8' );
	header( 'Cache-Control: no-cache' );
	header( 'X-Content-Type-Options: nosniff' );
	header( 'Content-Security-Policy: ' . CHECKWERK_FRAME_ANCESTORS );
	if ( 'HEAD' !== $method ) {
		echo $shell; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the app's own page from this plugin.
	}
	exit;
}
