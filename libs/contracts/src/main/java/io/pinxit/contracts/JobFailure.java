package io.pinxit.contracts;

/** Why a job failed, in the terms of an RFC 9457 problem: a stable type URI, a title and a detail. */
public record JobFailure(String type, String title, String detail) {
}
