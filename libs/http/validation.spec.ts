import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Min, ValidateNested } from 'class-validator';
import { AppError } from './app-error';
import { createValidationPipe } from './validation';

class AddressDto {
  @IsString()
  street: string;

  @Length(5, 5)
  zip: string;
}

class ItemDto {
  @IsString()
  name: string;

  @IsInt()
  @Min(1)
  quantity: number;
}

class OrderDto {
  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;

  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items: ItemDto[];
}

const body: ArgumentMetadata = { type: 'body', metatype: OrderDto };

async function validationErrorOf(value: unknown): Promise<AppError> {
  try {
    await createValidationPipe().transform(value, body);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('createValidationPipe', () => {
  it('keeps the rules it looked up per class, and sees rules of classes defined later (inherited ones too)', async () => {
    const pipe = createValidationPipe();
    class BaseDto {
      @IsString()
      name: string;
    }
    const base: ArgumentMetadata = { type: 'body', metatype: BaseDto };
    await expect(pipe.transform({ name: 'a' }, base)).resolves.toBeInstanceOf(BaseDto);
    await expect(pipe.transform({ name: 1 }, base)).rejects.toBeInstanceOf(AppError);
    class DerivedDto extends BaseDto {
      @IsInt()
      @Min(1)
      count: number;
    }
    const derived: ArgumentMetadata = { type: 'body', metatype: DerivedDto };
    await expect(pipe.transform({ name: 'a', count: 2 }, derived)).resolves.toBeInstanceOf(DerivedDto);
    const error = await pipe.transform({ name: 1, count: 0 }, derived).catch((e: AppError) => e);
    expect((error as AppError).errors).toEqual([
      { path: 'count', message: 'count must not be less than 1' },
      { path: 'name', message: 'name must be a string' },
    ]);
    await expect(pipe.transform({ name: 'a', count: 2 }, base)).rejects.toBeInstanceOf(AppError);
  });

  it('turns valid input into a DTO instance', async () => {
    const order = await createValidationPipe().transform(
      { address: { street: 'Hauptstr. 1', zip: '10115' }, items: [{ name: 'Wärmepumpe', quantity: 1 }] },
      body,
    );
    expect(order).toBeInstanceOf(OrderDto);
    expect(order.address).toBeInstanceOf(AddressDto);
  });

  it('reports nested failures with field paths', async () => {
    const error = await validationErrorOf({
      address: { street: 'Hauptstr. 1', zip: '1' },
      items: [{ name: 'ok', quantity: 1 }, { name: 7, quantity: 0 }],
    });
    expect(error.getStatus()).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors).toEqual([
      { path: 'address.zip', message: 'zip must be longer than or equal to 5 characters' },
      { path: 'items[1].name', message: 'name must be a string' },
      { path: 'items[1].quantity', message: 'quantity must not be less than 1' },
    ]);
  });

  it('rejects unknown properties, nested ones included', async () => {
    const error = await validationErrorOf({
      address: { street: 'a', zip: '12345', planet: 'Mars' },
      items: [],
      isAdmin: true,
    });
    expect(error.errors).toEqual(
      expect.arrayContaining([
        { path: 'isAdmin', message: 'property isAdmin should not exist' },
        { path: 'address.planet', message: 'property planet should not exist' },
      ]),
    );
  });
});

describe('NUL characters', () => {
  const pipe = createValidationPipe();
  it.each([
    [{ type: 'body', metatype: OrderDto } as ArgumentMetadata, { address: { street: 'a\u0000b', zip: '12345' }, items: [] }, 'address.street'],
    [{ type: 'query', metatype: Object } as ArgumentMetadata, { q: ['ok', 'x\u0000'] }, 'q[1]'],
    [{ type: 'param', data: 'id', metatype: String } as ArgumentMetadata, 'a\u0000', 'id'],
  ])('refuses them with a 400 naming the field (%#)', async (metadata, value, path) => {
    const error = await pipe.transform(value, metadata).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).errors).toEqual([{ path, message: `${path} must not contain NUL characters` }]);
  });
});
