import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpInbox = {
  /** smtp://user:password@127.0.0.1:port, as SMTP_URL. */
  url: string;
  messages: ParsedMail[];
  /** The next `count` messages are refused with a temporary error (451), as a mail server under trouble does. */
  refuseNext(count: number): void;
  /** The messages sent to `address` (every message without one). */
  to(address?: string): ParsedMail[];
  /** Waits until `count` messages to `address` (any, without one) arrived: the sender works in the background. */
  waitFor(count: number, address?: string, maxMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
};

/** Every address a message was sent to, lower-cased. */
export function recipients(mail: ParsedMail): string[] {
  const to = mail.to ? (Array.isArray(mail.to) ? mail.to : [mail.to]) : [];
  return to.flatMap((group) => group.value.map((value) => value.address?.toLowerCase() ?? "")).filter(Boolean);
}

/**
 * A real SMTP server on a spare local port that requires the given login and keeps every message it accepts,
 * parsed. STARTTLS is off (no certificate in tests), so the login travels in clear on the loopback only.
 */
export async function startSmtpInbox(user = "alertas", password = "s3nha-do-smtp"): Promise<SmtpInbox> {
  const messages: ParsedMail[] = [];
  let refuse = 0;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, _session, callback) {
      if (refuse > 0) {
        refuse--;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Try again later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const to = (address?: string) =>
    address ? messages.filter((mail) => recipients(mail).includes(address.toLowerCase())) : messages;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${user}:${password}@127.0.0.1:${port}`,
    messages,
    refuseNext(count) {
      refuse = count;
    },
    to,
    async waitFor(count, address, maxMs = 20_000) {
      const deadline = Date.now() + maxMs;
      while (to(address).length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} e-mail(s), the inbox has ${to(address).length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return to(address);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
