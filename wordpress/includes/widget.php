<?php
/**
 * One placed check: its options, checked, and its markup. The shortcode and the block both render through here,
 * so a page shows the same thing whichever way an editor placed the check.
 *
 * @package Checkwerk
 */

defined( 'ABSPATH' ) || exit;

/** The frame's height before the app reports its content's height (and the height of a frame without script). */
const CHECKWERK_INITIAL_HEIGHT = 720;
/** The smallest fixed height an editor may choose: below it a Baustein's first question no longer fits. */
const CHECKWERK_MIN_HEIGHT = 300;
/** The largest fixed height an editor may choose. */
const CHECKWERK_MAX_HEIGHT = 5000;

/**
 * Reads a widget's raw attributes (from a shortcode or a block) into checked options. What cannot be used is left
 * out and named in `problems`, in the signed-in editor's language; an unknown check makes the widget unusable.
 *
 * @param array<string, mixed> $attributes check, accent, lang, single, height, title.
 * @return array{check: string, accent: string, lang: string, single: bool, height: int, title: string, usable: bool, problems: string[]}
 */
function checkwerk_widget_options( $attributes ) {
	$text     = static function ( $value ) {
		return is_scalar( $value ) ? trim( (string) $value ) : '';
	};
	$options  = array(
		'check'    => strtolower( $text( isset( $attributes['check'] ) ? $attributes['check'] : '' ) ),
		'accent'   => '',
		'lang'     => '',
		'single'   => false,
		'height'   => 0,
		'title'    => $text( isset( $attributes['title'] ) ? $attributes['title'] : '' ),
		'usable'   => true,
		'problems' => array(),
	);
	$problems = array();

	if ( '' !== $options['check'] && null === checkwerk_find_check( $options['check'] ) ) {
		$options['usable'] = false;
		$ids               = wp_list_pluck( checkwerk_checks(), 'id' );
		$problems[]        = sprintf( checkwerk_editor_text( 'unknown_check' ), $options['check'], implode( ', ', $ids ) );
	}

	$accent = $text( isset( $attributes['accent'] ) ? $attributes['accent'] : '' );
	if ( '' !== $accent ) {
		if ( preg_match( '/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/', $accent ) ) {
			$options['accent'] = strtolower( $accent );
		} else {
			$problems[] = sprintf( checkwerk_editor_text( 'bad_accent' ), $accent );
		}
	}

	$lang = strtolower( $text( isset( $attributes['lang'] ) ? $attributes['lang'] : '' ) );
	if ( 'de' === $lang || 'en' === $lang ) {
		$options['lang'] = $lang;
	} else {
		if ( '' !== $lang ) {
			$problems[] = sprintf( checkwerk_editor_text( 'bad_language' ), $lang );
		}
		// The check speaks the website's language where it can, so one page reads in one language.
		$site = get_locale();
		if ( 0 === strpos( $site, 'de' ) || 0 === strpos( $site, 'en' ) ) {
			$options['lang'] = substr( $site, 0, 2 );
		}
	}

	$single = isset( $attributes['single'] ) ? $attributes['single'] : false;
	if ( true === $single || in_array( strtolower( $text( $single ) ), array( '1', 'true', 'ja', 'yes' ), true ) ) {
		if ( '' === $options['check'] ) {
			$problems[] = checkwerk_editor_text( 'single_needs_check' );
		} else {
			$options['single'] = true;
		}
	}

	$height = $text( isset( $attributes['height'] ) ? $attributes['height'] : '' );
	if ( '' !== $height && '0' !== $height && 'auto' !== strtolower( $height ) ) {
		$pixels = preg_match( '/^\d{1,5}(?:px)?$/', $height ) ? (int) $height : 0;
		if ( $pixels >= CHECKWERK_MIN_HEIGHT && $pixels <= CHECKWERK_MAX_HEIGHT ) {
			$options['height'] = $pixels;
		} else {
			$problems[] = sprintf( checkwerk_editor_text( 'bad_height' ), $height );
		}
	}

	$options['problems'] = $problems;
	return $options;
}

/**
 * The address the frame opens: the app's index.html, the route as a parameter. A plugin folder has no rewrites
 * (nginx serves it as plain files), so the first load must name a file that exists; the app moves to the route's
 * own address before its router starts, and later reloads are answered by its service worker (or, where WordPress
 * sees the request, by checkwerk_serve_app_route()).
 *
 * @param array{check: string, accent: string, lang: string, single: bool} $options Checked options.
 * @param int                                                               $number  The widget's number on the page.
 * @return string
 */
function checkwerk_frame_url( $options, $number ) {
	$query = array(
		'embed'  => '1',
		'widget' => (string) $number,
	);
	if ( '' !== $options['check'] ) {
		$query['route'] = '/check/' . $options['check'];
	}
	if ( $options['single'] ) {
		$query['single'] = '1';
	}
	if ( '' !== $options['accent'] ) {
		$query['accent'] = $options['accent'];
	}
	if ( '' !== $options['lang'] ) {
		$query['lang'] = $options['lang'];
	}
	return checkwerk_app_url() . 'index.html?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 );
}

/**
 * A notice about a widget's problems, for people who can edit the page; visitors never see it.
 *
 * @param string[] $problems What is wrong, in the editor's language.
 * @return string
 */
function checkwerk_editor_notice( $problems ) {
	if ( ! $problems || ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	$items = '';
	foreach ( $problems as $problem ) {
		$items .= '<li>' . esc_html( $problem ) . '</li>';
	}
	return '<div class="checkwerk-notice" role="note"><ul>' . $items . '</ul><p class="checkwerk-notice-scope">'
		. esc_html( checkwerk_editor_text( 'notice_for_editors' ) ) . '</p></div>';
}

/**
 * The markup of one placed check: an iframe of the app from this plugin's folder. Every value is escaped; an
 * unusable widget gives editors a notice and visitors nothing.
 *
 * @param array<string, mixed> $attributes Raw attributes from a shortcode or a block.
 * @param string               $wrapper    The wrapper's attributes, already escaped (a block adds its classes).
 * @return string
 */
function checkwerk_render_widget( $attributes, $wrapper = 'class="checkwerk-widget"' ) {
	static $number = 0;
	$options = checkwerk_widget_options( $attributes );
	if ( ! is_readable( CHECKWERK_DIR . 'app/index.html' ) ) {
		$options['usable']     = false;
		$options['problems'][] = checkwerk_editor_text( 'no_app' );
	}
	$notice = checkwerk_editor_notice( $options['problems'] );
	if ( '' !== $notice ) {
		wp_enqueue_style( 'checkwerk-widget' );
	}
	if ( ! $options['usable'] ) {
		return $notice;
	}

	wp_enqueue_script( 'checkwerk-embed' );
	wp_enqueue_style( 'checkwerk-widget' );

	$language = '' !== $options['lang'] ? $options['lang'] : checkwerk_language_of( get_locale() );
	$title    = $options['title'];
	if ( '' === $title ) {
		$check = checkwerk_find_check( $options['check'] );
		$title = null === $check
			? checkwerk_text( 'frame_title_list', $language )
			: sprintf( checkwerk_text( 'frame_title_check', $language ), $check['title'] );
	}
	$height = $options['height'] > 0 ? $options['height'] : CHECKWERK_INITIAL_HEIGHT;

	$frame = sprintf(
		'<iframe class="checkwerk-frame" data-checkwerk-frame="%1$s" src="%2$s" title="%3$s" height="%4$d" loading="lazy" allow="clipboard-write"></iframe>',
		$options['height'] > 0 ? 'fixed' : 'auto',
		esc_url( checkwerk_frame_url( $options, $number ) ),
		esc_attr( $title ),
		$height
	);
	++$number;
	return $notice . '<div ' . $wrapper . '>' . $frame . '</div>';
}
