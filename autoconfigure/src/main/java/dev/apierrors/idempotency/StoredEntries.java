package dev.apierrors.idempotency;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import dev.apierrors.IdempotencyStore.Completed;
import dev.apierrors.IdempotencyStore.Entry;
import dev.apierrors.IdempotencyStore.InProgress;
import dev.apierrors.IdempotencyStore.StoredResponse;

import org.springframework.http.HttpHeaders;

/**
 * The bytes a shared store keeps for a key: a kind byte ({@code P} for a reservation, {@code C} for a completed
 * response), a format version, then length-prefixed fields written with {@link DataOutputStream}.
 */
final class StoredEntries {

	private static final byte IN_PROGRESS = 'P';

	private static final byte COMPLETED = 'C';

	private static final byte VERSION = 1;

	private StoredEntries() {
	}

	/**
	 * Return the value of a reservation; the token makes it unique, so that only its holder can complete or
	 * release it.
	 */
	static byte[] inProgress(String fingerprint, String token) {
		return write(IN_PROGRESS, (out) -> {
			out.writeUTF(fingerprint);
			out.writeUTF(token);
		});
	}

	static byte[] completed(String fingerprint, StoredResponse response) {
		return write(COMPLETED, (out) -> {
			out.writeUTF(fingerprint);
			out.writeShort(response.status());
			HttpHeaders headers = response.headers();
			out.writeInt(headers.size());
			for (String name : headers.headerNames()) {
				List<String> values = headers.getOrEmpty(name);
				out.writeUTF(name);
				out.writeInt(values.size());
				for (String value : values) {
					out.writeUTF(value);
				}
			}
			byte[] body = response.body();
			out.writeInt(body.length);
			out.write(body);
		});
	}

	static Entry read(byte[] value) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
			byte kind = in.readByte();
			byte version = in.readByte();
			if (version != VERSION || (kind != IN_PROGRESS && kind != COMPLETED)) {
				throw new IllegalStateException("Unknown idempotency entry format " + kind + "/" + version);
			}
			String fingerprint = in.readUTF();
			if (kind == IN_PROGRESS) {
				return new InProgress(fingerprint);
			}
			int status = in.readUnsignedShort();
			HttpHeaders headers = new HttpHeaders();
			int names = in.readInt();
			for (int i = 0; i < names; i++) {
				String name = in.readUTF();
				int count = in.readInt();
				for (int j = 0; j < count; j++) {
					headers.add(name, in.readUTF());
				}
			}
			byte[] body = new byte[in.readInt()];
			in.readFully(body);
			return new Completed(fingerprint, new StoredResponse(status, headers, body));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unreadable idempotency entry", ex);
		}
	}

	private static byte[] write(byte kind, Writer writer) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(kind);
			out.writeByte(VERSION);
			writer.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	@FunctionalInterface
	private interface Writer {

		void write(DataOutputStream out) throws IOException;

	}

}
