<?php
/**
 * Router for PHP's built-in web server that serves a WordPress the way the usual nginx configuration does:
 *   location / { try_files $uri $uri/ /index.php?$args; }   and   location ~ \.php$ { … }
 * Files are served as they are, PHP files run, and every other path goes to WordPress' index.php. There is no
 * rewrite below the plugins folder and no PATH_INFO: what a WordPress plugin meets on nginx.
 *
 * Environment: CHECKWERK_WP_PATH, the path WordPress lives under ("/" or "/netzwerk/wp/").
 *
 * @package Checkwerk
 */

$wordpress_path = getenv( 'CHECKWERK_WP_PATH' ) ?: '/';
$document_root  = rtrim( $_SERVER['DOCUMENT_ROOT'], '/' );
$path           = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

if ( false !== strpos( $path, '..' ) || false !== strpos( $path, "\0" ) ) {
	http_response_code( 400 );
	return true;
}

$file = $document_root . $path;
if ( is_file( $file ) ) {
	// A file, PHP or not: the built-in server serves or runs it (MIME types included, application/wasm too).
	return false;
}
if ( is_dir( $file ) && is_file( rtrim( $file, '/' ) . '/index.php' ) ) {
	// A folder with an index.php (wp-admin/); nginx' `index index.php` would pick it.
	return false;
}

// Everything else is WordPress' to answer, like try_files … /index.php.
$index                      = $document_root . rtrim( $wordpress_path, '/' ) . '/index.php';
$_SERVER['SCRIPT_NAME']     = rtrim( $wordpress_path, '/' ) . '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $index;
$_SERVER['PHP_SELF']        = $_SERVER['SCRIPT_NAME'];
chdir( dirname( $index ) );
require $index;
return true;
