export class Checkout {
    payments = { refund: (_lines: unknown[]) => 0 };

    constructor(public readonly name: string, public readonly options: { client: string }) {}
}
