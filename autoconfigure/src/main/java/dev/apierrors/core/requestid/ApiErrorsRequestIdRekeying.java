package dev.apierrors.core.requestid;

import org.springframework.context.SmartLifecycle;

/**
 * Re-keys the {@link RandomRequestIdGenerator} when the context starts again, so that a process restored from a
 * JVM checkpoint (Project CRaC) never hands out the request ids that every other process restored from the same
 * image hands out too. With {@code org.crac} on the classpath, Spring stops the context's lifecycle beans before a
 * checkpoint and starts them after the restore; this bean starts first, in the lowest phase, before the web server
 * accepts requests again. It re-keys on stop as well, so that ids drawn between the stop and the checkpoint come
 * from keys that the restore discards too.
 */
public final class ApiErrorsRequestIdRekeying implements SmartLifecycle {

	private final RandomRequestIdGenerator generator;

	private volatile boolean running;

	/**
	 * Create the lifecycle for the given generator.
	 * @param generator the generator to re-key
	 */
	public ApiErrorsRequestIdRekeying(RandomRequestIdGenerator generator) {
		this.generator = generator;
	}

	@Override
	public void start() {
		this.generator.rekey();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.generator.rekey();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MIN_VALUE;
	}

}
