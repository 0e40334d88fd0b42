/**
 * The single error type of the OData engine. The sandbox turns it into a 400 response, so the
 * message must tell the API client which option is wrong and why.
 */
export class ODataQueryError extends Error {
  /** The query option at fault, e.g. "$filter" or "$top (in $expand=Stages)". */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.name = "ODataQueryError";
    this.option = option;
  }
}
