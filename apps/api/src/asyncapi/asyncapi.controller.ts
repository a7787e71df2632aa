import { Controller, Get, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/access.decorators';
import { asyncApiDocument } from './asyncapi-document';

/** The AsyncAPI 3 document, public like the OpenAPI one beside it. */
@ApiExcludeController()
@Public()
@Controller()
export class AsyncApiController {
  @Get('asyncapi.json')
  document(@Req() request: Request) {
    return asyncApiDocument(request.host ?? 'localhost', request.protocol);
  }
}
