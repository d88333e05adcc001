// Prints graphql-js's standard introspection query, as GraphiQL, Apollo Sandbox, codegen and graphql-inspector build
// it, with every option a current server is expected to answer turned on.
import { getIntrospectionQuery } from 'graphql';

process.stdout.write(getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
}));
