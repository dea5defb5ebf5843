package dev.apierrors.core.body;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * JSON's escapes plus {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as {@code \\uXXXX}, so that an error body
 * can never be read as markup, or break out of a script that embeds it.
 */
final class MarkupEscapes extends CharacterEscapes {

	private static final long serialVersionUID = 1L;

	static final MarkupEscapes INSTANCE = new MarkupEscapes();

	private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");

	private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

	private final int[] ascii;

	private MarkupEscapes() {
		this.ascii = standardAsciiEscapesForJSON();
		this.ascii['<'] = ESCAPE_STANDARD;
		this.ascii['>'] = ESCAPE_STANDARD;
		this.ascii['&'] = ESCAPE_STANDARD;
	}

	@Override
	public int[] getEscapeCodesForAscii() {
		return this.ascii;
	}

	@Override
	public @Nullable SerializableString getEscapeSequence(int ch) {
		return switch (ch) {
			case 0x2028 -> LINE_SEPARATOR;
			case 0x2029 -> PARAGRAPH_SEPARATOR;
			default -> null;
		};
	}

}
