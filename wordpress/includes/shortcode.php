<?php
/**
 * The shortcode: `[checkwerk]` places the list of checks, `[checkwerk check="umweltschutz"]` one check, with the
 * options of the embed widget (accent, lang, single, height, title).
 *
 * @package Checkwerk
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers `[checkwerk]`.
 */
function checkwerk_register_shortcode() {
	add_shortcode( 'checkwerk', 'checkwerk_shortcode' );
}

/**
 * Renders `[checkwerk …]`.
 *
 * @param array<string, string>|string $attributes The shortcode's attributes (WordPress passes '' when there are none).
 * @return string
 */
function checkwerk_shortcode( $attributes ) {
	$attributes = shortcode_atts(
		array(
			'check'  => '',
			'accent' => '',
			'lang'   => '',
			'single' => '',
			'height' => '',
			'title'  => '',
		),
		is_array( $attributes ) ? $attributes : array(),
		'checkwerk'
	);
	return checkwerk_render_widget( $attributes );
}
