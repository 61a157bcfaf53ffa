import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Logger } from "../../src/core/ports.js";
import { createWebhookSender, type WebhookPayload } from "../../src/infra/messaging/webhook-sender.js";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  ConfirmSignUpDocument,
  ResendConfirmationCodeDocument,
  SentMessagesDocument,
  SignUpDocument,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/** A Standard Webhooks signing secret, as an operator makes one: `echo "whsec_$(openssl rand -base64 32)"`. */
const WEBHOOK_SECRET = `whsec_${randomBytes(32).toString("base64")}`;
const PROVIDER_ERROR_BODY = "provider-internal-detail-that-must-not-be-logged";
const codeIn = (text: string): string | null => /\b(\d{6})\b/.exec(text)?.[1] ?? null;
const uniquePhone = (): string => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

/** Log lines as JSON text, so tests can prove what never appears in them. */
function createCapturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (fields: Record<string, unknown>, message: string) =>
    void lines.push(JSON.stringify({ level, message, ...fields }));
  return { lines, debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") };
}

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a random port; `rejectRecipients` makes it refuse every RCPT TO with 550. */
async function startSmtpServer() {
  const mails: ReceivedMail[] = [];
  const state = { rejectRecipients: false };
  const server = new SMTPServer({
    authOptional: true,
    // No self-signed STARTTLS to trip over: the test is about delivery, not TLS.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.rejectRecipients)
        return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const envelope = session.envelope;
        mails.push({
          from: envelope.mailFrom ? envelope.mailFrom.address : "",
          to: envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  rawBody: string;
  payload: WebhookPayload;
}

/**
 * The receiver's side of README's recipe: the standardwebhooks library, with the receiver's wall clock
 * at `nowMs`. True when it accepts the request; false when it refuses it (WebhookVerificationError).
 */
function verifySignature(
  secret: string,
  headers: IncomingHttpHeaders,
  rawBody: string,
  nowMs: number = Date.now(),
): boolean {
  vi.useFakeTimers({ toFake: ["Date"], now: nowMs });
  try {
    new Webhook(secret).verify(rawBody, headers as Record<string, string>);
    return true;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return false;
    throw error;
  } finally {
    vi.useRealTimers();
  }
}

/** A real HTTP receiver on a random port that records every request and answers `state.status`. */
async function startWebhookReceiver() {
  const received: ReceivedRequest[] = [];
  const state = { status: 200, hang: false };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: request.headers, rawBody, payload: JSON.parse(rawBody) as WebhookPayload });
      if (state.hang) return;
      response.statusCode = state.status;
      response.end(state.status === 200 ? "accepted" : PROVIDER_ERROR_BODY);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/deliver`,
    received,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, read, released. */
async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const signUpInput = (clientId: string, username: string, attributes: { name: string; value: string }[]) => ({
  input: { clientId, username, password: GOOD_PASSWORD, userAttributes: attributes },
});

describe.each(BACKENDS)("message delivery over SMTP on $name", (backend) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let gateway: TestApp;
  const logger = createCapturingLogger();
  beforeAll(async () => {
    smtp = await startSmtpServer();
    gateway = await getTestApp(backend, {
      env: { SMTP_URL: smtp.url, SMTP_FROM: "auth@example.test" },
      overrides: { logger },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await smtp?.close();
  });

  it("mails the sign-up code to the user, keeps nothing in the outbox, and the code confirms", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway, {
      autoVerifiedAttributes: ["email"],
      verificationMessageTemplate: {
        emailSubject: "Your Example code",
        emailMessage: "Use {####} to finish signing up.",
      },
    });
    const username = uniqueName("smtp");
    const email = `${username}@example.test`;
    const before = smtp.mails.length;
    const result = expectData(
      await gateway.gql(SignUpDocument, signUpInput(clientId, username, [{ name: "email", value: email }]), null),
    ).signUp;
    expect(result.codeDeliveryDetails?.deliveryMedium).toBe("EMAIL");

    const mails = smtp.mails.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([email]);
    expect(mails[0]!.from).toBe("auth@example.test");
    expect(mails[0]!.raw).toMatch(/^Subject: Your Example code\r?$/m);
    const [, body = ""] = mails[0]!.raw.split(/\r?\n\r?\n/);
    const code = codeIn(body);
    expect(body).toContain(`Use ${code} to finish signing up.`);

    const outbox = expectData(await gateway.gql(SentMessagesDocument, { userPoolId: poolId, first: 10 })).sentMessages;
    expect(outbox.items).toEqual([]);
    expectData(
      await gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: code! } }, null),
    );
  });

  it("answers CodeDeliveryFailureException when the server refuses the mail, and the user can resend once it accepts", async () => {
    const { clientId } = await createPoolWithClient(gateway, { autoVerifiedAttributes: ["email"] });
    const username = uniqueName("smtpfail");
    const email = `${username}@example.test`;
    smtp.state.rejectRecipients = true;
    try {
      expect(
        errorCodes(
          await gateway.gql(SignUpDocument, signUpInput(clientId, username, [{ name: "email", value: email }]), null),
        ),
      ).toEqual(["CodeDeliveryFailureException"]);
      expect(
        errorCodes(
          await gateway.gql(SignUpDocument, signUpInput(clientId, username, [{ name: "email", value: email }]), null),
        ),
      ).toEqual(["UsernameExistsException"]);
    } finally {
      smtp.state.rejectRecipients = false;
    }
    const before = smtp.mails.length;
    expectData(await gateway.gql(ResendConfirmationCodeDocument, { input: { clientId, username } }, null));
    const mail = smtp.mails.slice(before).find((candidate) => candidate.to.includes(email));
    expect(mail).toBeDefined();
    expectData(
      await gateway.gql(
        ConfirmSignUpDocument,
        { input: { clientId, username, confirmationCode: codeIn(mail!.raw.split(/\r?\n\r?\n/)[1] ?? "")! } },
        null,
      ),
    );

    const failure = logger.lines.find((line) => line.includes("email delivery failed"));
    expect(failure).toContain('"smtpResponseCode":550');
    expect(failure).not.toContain(email);
  });
});

describe.each(BACKENDS)("message delivery over the webhook on $name", (backend) => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let gateway: TestApp;
  const logger = createCapturingLogger();
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    gateway = await getTestApp(backend, {
      env: { MESSAGE_WEBHOOK_URL: receiver.url, MESSAGE_WEBHOOK_SECRET: WEBHOOK_SECRET },
      overrides: { logger },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await receiver?.close();
  });

  it("posts the SMS code, signed with the shared secret and timestamped", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway, { autoVerifiedAttributes: ["phone_number"] });
    const username = uniqueName("sms");
    const phone = uniquePhone();
    const before = receiver.received.length;
    const result = expectData(
      await gateway.gql(
        SignUpDocument,
        signUpInput(clientId, username, [{ name: "phone_number", value: phone }]),
        null,
      ),
    ).signUp;
    expect(result.codeDeliveryDetails?.deliveryMedium).toBe("SMS");

    const requests = receiver.received.slice(before);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.headers["content-type"]).toBe("application/json");
    // Standard Webhooks headers, verified by the standardwebhooks library as a receiver would.
    expect(request!.headers["webhook-id"]).toBe(request!.payload.id);
    expect(request!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(verifySignature(WEBHOOK_SECRET, request!.headers, request!.rawBody)).toBe(true);
    expect(verifySignature(`whsec_${randomBytes(32).toString("base64")}`, request!.headers, request!.rawBody)).toBe(
      false,
    );
    expect(verifySignature(WEBHOOK_SECRET, request!.headers, request!.rawBody.replace(phone, "+15550000000"))).toBe(
      false,
    );
    // Replayed six minutes later: the library refuses the stale timestamp.
    expect(verifySignature(WEBHOOK_SECRET, request!.headers, request!.rawBody, Date.now() + 6 * 60_000)).toBe(false);
    expect(request!.payload).toEqual({
      id: expect.any(String),
      poolId,
      userSub: result.userSub,
      medium: "SMS",
      destination: phone,
      subject: null,
      body: expect.stringMatching(/^Your verification code is \d{6}\. $/),
      purpose: "SIGN_UP",
      sentAt: expect.any(String),
    });
    expect(Number(request!.headers["webhook-timestamp"])).toBe(Math.floor(Date.parse(request!.payload.sentAt) / 1000));

    const outbox = expectData(await gateway.gql(SentMessagesDocument, { userPoolId: poolId, first: 10 })).sentMessages;
    expect(outbox.items).toEqual([]);
    expectData(
      await gateway.gql(
        ConfirmSignUpDocument,
        { input: { clientId, username, confirmationCode: codeIn(request!.payload.body)! } },
        null,
      ),
    );
  });

  it("carries EMAIL too when no SMTP server is configured", async () => {
    const { clientId } = await createPoolWithClient(gateway, { autoVerifiedAttributes: ["email"] });
    const username = uniqueName("hookmail");
    const email = `${username}@example.test`;
    const before = receiver.received.length;
    expectData(
      await gateway.gql(SignUpDocument, signUpInput(clientId, username, [{ name: "email", value: email }]), null),
    );
    const requests = receiver.received.slice(before);
    expect(requests.map((request) => request.payload)).toEqual([
      expect.objectContaining({ medium: "EMAIL", destination: email, subject: "Your verification code" }),
    ]);
  });

  it("answers CodeDeliveryFailureException on a 500, keeps the user UNCONFIRMED, and a resend after recovery works", async () => {
    const { clientId } = await createPoolWithClient(gateway, { autoVerifiedAttributes: ["phone_number"] });
    const username = uniqueName("smsfail");
    const phone = uniquePhone();
    const attributes = [{ name: "phone_number", value: phone }];
    receiver.state.status = 500;
    try {
      const failed = await gateway.gql(SignUpDocument, signUpInput(clientId, username, attributes), null);
      expect(errorCodes(failed)).toEqual(["CodeDeliveryFailureException"]);
      expect(failed.errors![0]!.message).not.toContain(PROVIDER_ERROR_BODY);
      // The user exists (UNCONFIRMED): the name is taken.
      expect(errorCodes(await gateway.gql(SignUpDocument, signUpInput(clientId, username, attributes), null))).toEqual([
        "UsernameExistsException",
      ]);
    } finally {
      receiver.state.status = 200;
    }
    const before = receiver.received.length;
    const resent = expectData(
      await gateway.gql(ResendConfirmationCodeDocument, { input: { clientId, username } }, null),
    ).resendConfirmationCode;
    expect(resent.deliveryMedium).toBe("SMS");
    const requests = receiver.received.slice(before);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.payload.destination).toBe(phone);
    expectData(
      await gateway.gql(
        ConfirmSignUpDocument,
        { input: { clientId, username, confirmationCode: codeIn(requests[0]!.payload.body)! } },
        null,
      ),
    );

    // Operators learn the status; no log line carries the provider's answer, the secret or a code.
    const failures = logger.lines.filter((line) => line.includes("message webhook delivery failed"));
    expect(failures.some((line) => line.includes('"httpStatus":500'))).toBe(true);
    const codes = receiver.received.map((request) => codeIn(request.payload.body)!);
    for (const line of logger.lines) {
      expect(line).not.toContain(PROVIDER_ERROR_BODY);
      expect(line).not.toContain(WEBHOOK_SECRET);
      for (const code of codes) expect(line).not.toContain(code);
    }
  });
});

describe("message delivery to an unreachable webhook", () => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(BACKENDS[0]!, {
      env: {
        MESSAGE_WEBHOOK_URL: `http://127.0.0.1:${await refusedPort()}/deliver`,
        MESSAGE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      },
    });
  });
  afterAll(async () => gateway?.close());

  it("answers CodeDeliveryFailureException when the connection is refused, without waiting out the timeout", async () => {
    const { clientId } = await createPoolWithClient(gateway, { autoVerifiedAttributes: ["phone_number"] });
    const startedMs = Date.now();
    const result = await gateway.gql(
      SignUpDocument,
      signUpInput(clientId, uniqueName("refused"), [{ name: "phone_number", value: uniquePhone() }]),
      null,
    );
    expect(errorCodes(result)).toEqual(["CodeDeliveryFailureException"]);
    expect(Date.now() - startedMs).toBeLessThan(6_000);
  });
});

describe("the webhook sender against a receiver that never answers", () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    receiver.state.hang = true;
  });
  afterAll(async () => receiver?.close());

  it("gives up after its timeout with CodeDeliveryFailureException", async () => {
    const logger = createCapturingLogger();
    // A short timeout stands in for the production 5 s; the clock only stamps the request.
    const sender = createWebhookSender({
      url: receiver.url,
      secret: WEBHOOK_SECRET,
      clock: createManualClock(new Date("2030-01-01T00:00:00Z")),
      logger,
      timeoutMs: 200,
    });
    const message = {
      poolId: "local_test",
      userId: null,
      medium: "SMS" as const,
      destination: "+15550001111",
      subject: null,
      body: "code 123456",
      purpose: "SIGN_UP",
    };
    await expect(sender.send(message)).rejects.toMatchObject({ code: "CodeDeliveryFailureException" });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers["webhook-timestamp"]).toBe(String(Date.parse("2030-01-01T00:00:00Z") / 1000));
    expect(logger.lines.join("\n")).toContain("no answer within 200 ms");
  });
});
