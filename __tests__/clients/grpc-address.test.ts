import { parseAddress } from '../../src/clients/grpc-address.js'
import { InputError } from '../../src/errors.js'

describe('parseAddress', () => {
  it.each([
    ['grpc://milvus:19530', 'milvus:19530', false],
    ['grpc://milvus.internal', 'milvus.internal:19530', false],
    ['grpcs://in03-abc.cloud', 'in03-abc.cloud:443', true],
    ['grpcs://in03-abc.cloud:19530', 'in03-abc.cloud:19530', true],
    ['http://milvus:19530', 'milvus:19530', false],
    ['http://milvus', 'milvus:19530', false],
    ['https://in03-abc.cloud', 'in03-abc.cloud:443', true],
    ['grpc://[::1]:19531', '[::1]:19531', false]
  ])('reads %s as %s (TLS: %s)', (address, hostPort, tls) => {
    expect(parseAddress(address)).toEqual({ hostPort, tls })
  })

  it.each([['ftp://127.0.0.1:19530'], ['127.0.0.1:19530'], ['grpc://'], ['']])(
    'rejects the endpoint "%s", naming it',
    (address) => {
      let error: unknown
      try {
        parseAddress(address)
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).message).toBe(
        `Input "endpoint" must look like grpc://host:19530 or grpcs://host:443 for the gRPC API (http:// and https:// name the same port) (got "${address}").`
      )
    }
  )

  it.each([
    ['htp://root:hunter2hunter2@milvus:19530', 'htp://***@milvus:19530'],
    ['root:hunter2hunter2@milvus:19530', '***@milvus:19530'],
    ['grpc://root:hun/ter2@hunter2@', 'grpc://***@']
  ])('quotes %s without its credentials', (address, quoted) => {
    let message = ''
    try {
      parseAddress(address)
    } catch (caught) {
      message = (caught as InputError).message
    }
    expect(message).toContain(`(got "${quoted}").`)
    expect(message).not.toMatch(/hunter2|ter2/)
  })
})
