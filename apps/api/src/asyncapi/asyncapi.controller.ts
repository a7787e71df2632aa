import { Controller, Get, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/access.decorators';
import { PublicAddress } from '../http/public-address';
import { asyncApiDocument } from './asyncapi-document';

/** The AsyncAPI 3 document, public like the OpenAPI one beside it. */
@ApiExcludeController()
@Public()
@Controller()
export class AsyncApiController {
  constructor(private readonly address: PublicAddress) {}

  @Get('asyncapi.json')
  document(@Req() request: Request) {
    const base = new URL(this.address.baseUrlFor(request));
    return asyncApiDocument(base.host, base.protocol.slice(0, -1), base.pathname);
  }
}
