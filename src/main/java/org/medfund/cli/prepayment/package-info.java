/** {@code medfund prepayment …}: sizing, approval, disbursement, clearing, recovery, register and bank file. */
package org.medfund.cli.prepayment;
