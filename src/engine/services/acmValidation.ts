// An ACM certificate's DomainValidationOptions: the ValidationDomain that receives the validation
// email must be the DomainName it validates or a superdomain of it, or ACM refuses the request.
//
// Source: the AWS::CertificateManager::Certificate DomainValidationOption reference
// (ValidationDomain: "must be the same as the DomainName value or a superdomain of the DomainName
// value"); cfn-lint 1.51.0's E3503 checks the same.
import type { TemplateModel } from '../cfn/template';
import { getValue } from '../document/located';
import { literalString, resourcesOf, type ServiceProblem } from './resourceIndex';

/** Validation options whose ValidationDomain does not cover their DomainName. */
export function acmValidationProblems(template: TemplateModel | undefined): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  for (const certificate of resourcesOf(template, 'AWS::CertificateManager::Certificate')) {
    const options = getValue(certificate.properties, 'DomainValidationOptions');
    if (options?.kind !== 'sequence') continue;
    for (const option of options.items) {
      const domain = literalString(getValue(option, 'DomainName'))?.text.toLowerCase();
      const validation = literalString(getValue(option, 'ValidationDomain'));
      if (domain === undefined || !validation) continue;
      const superdomain = validation.text.toLowerCase();
      if (domain === superdomain || domain.endsWith(`.${superdomain}`)) continue;
      problems.push({ node: validation, message: `ValidationDomain ${validation.text} of ${certificate.name} is neither ${domain} nor a superdomain of it: ACM refuses the request. Use ${domain} or one of its parent domains.` });
    }
  }
  return problems;
}
