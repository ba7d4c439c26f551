// The explorer's only way to the data: GraphQL over POST to /graphql, the public API.

export class GraphQLRequestError extends Error {}

/**
 * Run a GraphQL query and return its `data`.
 * @param {string} query a GraphQL document
 * @param {object} variables its variables
 * @returns {Promise<object>} the data; throws GraphQLRequestError with the server's message
 */
export async function graphql(query, variables = {}) {
  let response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new GraphQLRequestError(`the server did not answer (${error.message}); is paperkg serve running?`);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new GraphQLRequestError(`the server answered ${response.status} without JSON`);
  }
  if (body.errors && body.errors.length) {
    throw new GraphQLRequestError(body.errors.map((e) => e.message).join("; "));
  }
  if (!response.ok && body.error) {
    throw new GraphQLRequestError(body.error.detail || body.error.title);
  }
  return body.data;
}
