package dev.apierrors.core.body;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.JsonGeneratorDelegate;

/**
 * Writes every name and string, the starter's own and those of the application's serialisers alike, with each
 * surrogate that is not half of a pair replaced by U+FFFD. Jackson would write such a surrogate as a
 * {@code \\uXXXX} escape, which RFC 8259 leaves to each parser: Jackson's own refuses one in a member name, so a
 * client could not read the body at all.
 */
final class WellFormedGenerator extends JsonGeneratorDelegate {

	WellFormedGenerator(JsonGenerator delegate) {
		// Not copying POJOs through the delegate: the application's serialisers then write through this one.
		super(delegate, false);
	}

	@Override
	public JsonGenerator writeName(String name) {
		return super.writeName(wellFormed(name));
	}

	@Override
	public JsonGenerator writeString(@Nullable String text) {
		return super.writeString((text != null) ? wellFormed(text) : null);
	}

	@Override
	public JsonGenerator writeString(char[] text, int offset, int length) {
		return writeString(new String(text, offset, length));
	}

	/**
	 * Return the text with every lonely surrogate replaced by U+FFFD, or the same instance when it has none.
	 */
	static String wellFormed(String text) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else {
					return replaceLonelySurrogates(text, i);
				}
			}
		}
		return text;
	}

	private static String replaceLonelySurrogates(String text, int from) {
		char[] chars = text.toCharArray();
		for (int i = from; i < chars.length; i++) {
			char c = chars[i];
			if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				chars[i] = '\ufffd';
			}
		}
		return new String(chars);
	}

}
